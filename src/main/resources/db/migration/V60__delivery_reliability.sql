-- Delivery reliability (issue #20).

-- Write order from the database, not from the writers' clocks: every outbox row takes the next value of a
-- non-caching sequence when it is inserted. The sequencer hands out feed positions in this order, so one client's
-- events (whose writers serialise on the client's rows) keep their order even when replicas' clocks disagree.
create sequence outbox_write_seq start with 1 increment by 1;
alter table outbox_event add column write_seq bigint;
update outbox_event set write_seq = nextval('outbox_write_seq') where feed_position is null;
alter table outbox_event alter column write_seq set default nextval('outbox_write_seq');
create index outbox_event_write_order_idx on outbox_event (feed_position, write_seq);

-- A subscription receives the events written after it was made (by write order, not by clocks).
alter table webhook_subscription add column from_write_seq bigint not null default 0;

-- Webhook deliveries count the 4xx answers they got: after leadgate.webhooks.max-rejections of them the delivery is
-- dead-lettered, so one payload an endpoint refuses does not hold its queue for the whole retry schedule.
alter table webhook_delivery add column rejections integer not null default 0;
