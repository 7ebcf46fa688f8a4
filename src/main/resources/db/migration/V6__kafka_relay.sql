-- The outbox relay to Kafka. One relay at a time across all replicas holds the lease (see KafkaRelay): it sends
-- unsent rows in feed_position order and renews the lease while it works; a replica that dies stops renewing and
-- another one takes over when expires_at has passed.
create table outbox_relay_lease (
    name        varchar(64)  primary key,
    owner       varchar(200),
    expires_at  timestamp(6) with time zone not null
);
insert into outbox_relay_lease (name, owner, expires_at) values ('kafka', null, timestamp with time zone '1970-01-01 00:00:00+00');

-- The relay reads the oldest unsent rows by feed position.
create index outbox_event_unsent_idx on outbox_event (sent_at, feed_position);
