-- Leadgate foundation schema. Portable between PostgreSQL (tests, production) and H2 in PostgreSQL mode (the
-- default run). Sequences step by 50 so Hibernate's pooled optimiser can batch inserts.

-- Every verified request, raw, so it can be replayed after a fix.
create sequence envelope_seq start with 1 increment by 50;
create table envelope (
    id            bigint primary key,
    channel_id    varchar(64)  not null,
    provider      varchar(32)  not null,
    received_at   timestamp(6) with time zone not null,
    method        varchar(10)  not null,
    sub_path      varchar(1000) not null,
    query_string  text,
    request_url   text,
    headers       text         not null,
    body          bytea        not null,
    status        varchar(16)  not null,
    error         text,
    attempts      integer      not null,
    updated_at    timestamp(6) with time zone not null
);
create index envelope_status_idx on envelope (status, id);

create sequence contact_seq start with 1 increment by 50;
create table contact (
    id          bigint primary key,
    name        varchar(500),
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null
);

-- One identity (E.164 phone, email, messenger handle) belongs to at most one contact.
create sequence contact_identity_seq start with 1 increment by 50;
create table contact_identity (
    id              bigint primary key,
    contact_id      bigint       not null references contact (id),
    kind            varchar(16)  not null,
    identity_value  varchar(400) not null,
    label           varchar(200),
    created_at      timestamp(6) with time zone not null,
    constraint contact_identity_uk unique (identity_value, kind)
);
create index contact_identity_contact_idx on contact_identity (contact_id);

create sequence lead_seq start with 1 increment by 50;
create table lead (
    id                bigint primary key,
    contact_id        bigint       not null references contact (id),
    channel_id        varchar(64)  not null,
    source            varchar(200) not null,
    status            varchar(32)  not null,
    attribution       text,
    returning_client  boolean      not null,
    inquiry_count     integer      not null,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null
);
create index lead_contact_idx on lead (contact_id, status);
create index lead_channel_idx on lead (channel_id, id);

create sequence inquiry_seq start with 1 increment by 50;
create table inquiry (
    id           bigint primary key,
    envelope_id  bigint       references envelope (id),
    channel_id   varchar(64)  not null,
    provider     varchar(32)  not null,
    family       varchar(16)  not null,
    kind         varchar(16)  not null,
    reason       varchar(64),
    external_id  varchar(500),
    dedup_key    varchar(600) not null,
    occurred_at  timestamp(6) with time zone,
    received_at  timestamp(6) with time zone not null,
    contact_id   bigint       references contact (id),
    lead_id      bigint       references lead (id),
    item         text         not null,
    resolution   text
);
create index inquiry_dedup_idx on inquiry (channel_id, dedup_key);
create index inquiry_external_idx on inquiry (channel_id, external_id);
create index inquiry_contact_idx on inquiry (contact_id);
create index inquiry_lead_idx on inquiry (lead_id);

-- Provider idempotency keys (or content hashes), remembered for leadgate.idempotency.retention (>= 7 days).
create table idempotency_key (
    channel_id  varchar(64)  not null,
    key_value   varchar(600) not null,
    created_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null,
    primary key (channel_id, key_value)
);
create index idempotency_key_expiry_idx on idempotency_key (expires_at);

-- Lead events, written in the same transaction as the inquiry; feed_position is given after commit, in commit
-- order, by one sequencer at a time (see OutboxSequencer).
create sequence outbox_event_seq start with 1 increment by 50;
create table outbox_event (
    id             bigint primary key,
    event_id       varchar(64)  not null,
    type           varchar(64)  not null,
    contact_id     bigint,
    lead_id        bigint,
    inquiry_id     bigint,
    channel_id     varchar(64),
    payload        text         not null,
    created_at     timestamp(6) with time zone not null,
    feed_position  bigint,
    sent_at        timestamp(6) with time zone,
    constraint outbox_event_id_uk unique (event_id),
    constraint outbox_event_position_uk unique (feed_position)
);
create index outbox_event_pending_idx on outbox_event (created_at, id);

create table outbox_sequencer (
    id             integer primary key,
    last_position  bigint not null
);
insert into outbox_sequencer (id, last_position) values (1, 0);
