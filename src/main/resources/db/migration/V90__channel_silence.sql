-- Watching channels for silence (io.leadgate.channel.watch, docs/operations.md#silent-channels).

-- The watch rolls recent inquiries up by their receipt time; the write path itself writes nothing more.
create index inquiry_received_idx on inquiry (received_at);

-- Inquiries per channel and hour (UTC), rolled up from inquiry by the check that holds channel_watch_cursor.
create table channel_hour (
    channel_id  varchar(64) not null,
    hour_start  timestamp(6) with time zone not null,
    inquiries   integer not null,
    primary key (channel_id, hour_start)
);

-- Verification failures per channel and hour: deltas appended by each replica (summed when read).
create table channel_failure_hour (
    channel_id  varchar(64) not null,
    hour_start  timestamp(6) with time zone not null,
    failures    integer not null
);
create index channel_failure_hour_idx on channel_failure_hour (hour_start);

-- Each watched channel: its last inquiry and the open alert episode, if any (raised_at not null).
create table channel_watch (
    channel_id       varchar(64) primary key,
    last_inquiry_at  timestamp(6) with time zone,
    raised_at        timestamp(6) with time zone,
    reason           varchar(32),
    expected         double precision,
    observed         bigint,
    probability      double precision,
    checked_at       timestamp(6) with time zone not null
);

-- One row: how far inquiries are rolled up. Its row lock makes one replica at a time the evaluating one.
create table channel_watch_cursor (
    id            integer primary key,
    rolled_up_to  timestamp(6) with time zone
);
insert into channel_watch_cursor (id, rolled_up_to) values (1, null);
