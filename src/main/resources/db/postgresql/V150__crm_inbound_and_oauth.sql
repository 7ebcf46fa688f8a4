-- Changes made in a CRM, as its event handlers and webhooks delivered them: stored as received (the raw form body),
-- answered at once and applied by a scheduled step. body_hash makes a redelivered request one row.
create sequence crm_inbound_seq start with 1 increment by 50;
create table crm_inbound (
    id            bigint       primary key,
    crm           varchar(32)  not null,
    body          text         not null,
    body_hash     varchar(64)  not null,
    received_at   timestamp(6) with time zone not null,
    attempts      integer      not null default 0,
    next_at       timestamp(6) with time zone not null,
    processed_at  timestamp(6) with time zone,
    outcome       varchar(200),
    constraint crm_inbound_uk unique (crm, body_hash)
);
create index crm_inbound_pending_idx on crm_inbound (next_at) where processed_at is null;

-- OAuth 2 tokens of a CRM connector. Token values are sealed with AES-GCM under leadgate.channel.key when one is
-- configured (key_id names the key; null: stored as given, no key configured).
create table crm_oauth_token (
    crm            varchar(32)  primary key,
    key_id         varchar(16),
    access_token   text         not null,
    refresh_token  text         not null,
    expires_at     timestamp(6) with time zone not null,
    endpoint       varchar(500),
    grant_hash     varchar(64)  not null,
    updated_at     timestamp(6) with time zone not null
);
