-- Outbound webhooks (CONTRACT §8). Subscriptions; one delivery row per (subscription, event) made by the fan-out,
-- which reads the outbox by feed_position after its own cursor; the delivery rows are the durable retry queue.
create sequence webhook_subscription_seq start with 1 increment by 50;
create table webhook_subscription (
    id               bigint primary key,
    url              varchar(2000) not null,
    events           varchar(2000) not null,
    secret           varchar(500)  not null,
    status           varchar(16)   not null,
    disabled_reason  varchar(200),
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null
);

create sequence webhook_delivery_seq start with 1 increment by 50;
create table webhook_delivery (
    id               bigint primary key,
    subscription_id  bigint       not null references webhook_subscription (id) on delete cascade,
    feed_position    bigint       not null,
    event_id         varchar(64)  not null,
    event_type       varchar(64)  not null,
    status           varchar(16)  not null,
    attempts         integer      not null,
    next_attempt_at  timestamp(6) with time zone not null,
    last_attempt_at  timestamp(6) with time zone,
    last_status      integer,
    last_error       varchar(500),
    created_at       timestamp(6) with time zone not null,
    delivered_at     timestamp(6) with time zone,
    constraint webhook_delivery_uk unique (subscription_id, feed_position)
);
-- A subscription's queue in feed order (its head is the lowest pending position), and the due deliveries.
create index webhook_delivery_queue_idx on webhook_delivery (subscription_id, status, feed_position);
create index webhook_delivery_due_idx on webhook_delivery (status, next_attempt_at);

-- The fan-out's place in the feed; one replica at a time holds the row lock. Events before the first start are not
-- sent: a subscription receives what is committed after it exists.
create table webhook_cursor (
    id             integer primary key,
    last_position  bigint not null
);
insert into webhook_cursor (id, last_position) select 1, coalesce(max(feed_position), 0) from outbox_event;
