-- Channels created through the API (issue #18). One row per channel: the definition as a channel file would hold
-- it, with the secret settings apart, encrypted (AES-256-GCM) under the key named by key_id. version counts the
-- writes: every replica's registry takes a row whose version changed at its next poll.
create table api_channel (
    id             varchar(64)                 primary key,
    provider       varchar(64)                 not null,
    enabled        boolean                     not null,
    default_region varchar(8)                  not null,
    source         text,
    -- the settings that are no secrets, as a JSON object
    settings       text                        not null,
    -- base64(12-byte nonce || ciphertext || tag) of a JSON object of the secret settings; null when none
    secrets        text,
    key_id         varchar(32),
    version        bigint                      not null,
    created_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null
);

-- What the last "connect" found for a channel (file or API) and when a provider's verification handshake (Meta's
-- hub.challenge GET) was last answered.
create table channel_connection (
    channel_id        varchar(64)                 primary key,
    state             varchar(32),
    detail            text,
    checked_at        timestamp(6) with time zone,
    handshake_seen_at timestamp(6) with time zone
);
