-- The cards merged into a card (MergedCards: export and erasure act on every card of a person). H2 has no partial
-- indexes; PostgreSQL's holds merged cards only.
create index contact_merged_into_idx on contact (merged_into);
