-- The Kafka relay keeps how far it has sent (a feed position, on its lease row) instead of marking each event row it
-- sent. Marking rewrote every event row a second time after the sequencer numbered it (an update that touches an
-- indexed column copies the whole row and adds an entry to every index), and with Kafka off every numbered row
-- still took an entry in the index of rows not yet sent, kept until retention deleted the row.
alter table outbox_relay_lease add column sent_through bigint not null default 0;
-- Sent so far: everything before the oldest numbered row not marked sent, or every numbered row when none is left.
update outbox_relay_lease set sent_through = coalesce(
        (select min(feed_position) - 1 from outbox_event where sent_at is null and feed_position is not null),
        (select max(feed_position) from outbox_event), 0)
    where name = 'kafka';
drop index if exists outbox_event_unsent_idx;
alter table outbox_event drop column sent_at;
