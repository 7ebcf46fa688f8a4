-- Index upkeep on the write path (#15), third part: index entries that every inquiry wrote and no read needs.
--
-- An outbox event is written without a feed position and numbered after commit by the sequencer, whose update
-- enters the new row version in every index again. The unique index on the position took an entry for the null
-- of every new row; it now holds numbered rows only (a null was never a duplicate). The Kafka relay's index on
-- (sent_at, feed_position) took one at the insert and one at the update; its one ordered read is "unsent and
-- numbered, by position", which an index of exactly those rows serves (OutboxRows.lag counts the not yet numbered
-- ones through outbox_event_unsequenced_idx). The index on (created_at, id), read only by the daily retention purge,
-- took two; a BRIN index serves a purge's range of old rows (rows are appended in time order) and costs nothing
-- per row.
alter table outbox_event drop constraint outbox_event_position_uk;
create unique index outbox_event_position_uk on outbox_event (feed_position) where feed_position is not null;
drop index outbox_event_unsent_idx;
create index outbox_event_unsent_idx on outbox_event (feed_position) where sent_at is null and feed_position is not null;
drop index outbox_event_pending_idx;
create index outbox_event_created_idx on outbox_event using brin (created_at);

-- Inquiries and envelopes are appended as they arrive: the time ranges read by the channel watch and the retention
-- purge are served by BRIN indexes, not a B-tree entry per row.
drop index inquiry_received_idx;
create index inquiry_received_idx on inquiry using brin (received_at);
drop index envelope_received_idx;
create index envelope_received_idx on envelope using brin (received_at);

-- Follow-ups look inquiries up by a provider's external id (external_id in (...)); web-form inquiries have none.
drop index inquiry_external_only_idx;
create index inquiry_external_only_idx on inquiry (external_id) where external_id is not null;
