-- The cards merged into a card (MergedCards: export and erasure act on every card of a person). Few cards are merged,
-- so the index holds only those.
create index contact_merged_into_idx on contact (merged_into) where merged_into is not null;
