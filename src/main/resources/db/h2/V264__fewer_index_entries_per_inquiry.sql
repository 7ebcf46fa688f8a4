-- The development run's H2 form of db/postgresql/V264__fewer_index_entries_per_inquiry.sql: H2 has neither partial
-- nor BRIN indexes, so the outbox's time index becomes a plain one on created_at and the others stay as they are.
drop index outbox_event_pending_idx;
create index outbox_event_created_idx on outbox_event (created_at);
