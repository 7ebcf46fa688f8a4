-- Index upkeep on the write path (#15). Every inquiry paid for an index on (channel_id, external_id) that no query
-- reads: follow-ups find the inquiry they answer through inquiry_external_only_idx. Every outbox event paid twice,
-- when it was written and again when the sequencer set its feed position, for an index on (feed_position,
-- write_seq) whose one reader is the sequencer's "feed_position is null order by write_seq, id". A partial index on
-- the rows still waiting serves that read in order, stays as small as the backlog, and the sequencer's update adds
-- nothing to it.
drop index inquiry_external_idx;
drop index outbox_event_write_order_idx;
create index outbox_event_unsequenced_idx on outbox_event (write_seq, id) where feed_position is null;
