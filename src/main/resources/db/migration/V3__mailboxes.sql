-- Where each polled mailbox stands: the folder's UIDVALIDITY and the last UID taken, so a restart neither skips
-- nor repeats; the outcome of the last poll for health.
create table mailbox_state (
    channel_id       varchar(64) primary key,
    uid_validity     bigint,
    last_uid         bigint      not null,
    backlog          bigint      not null,
    last_success_at  timestamp(6) with time zone,
    last_error       varchar(500),
    failures         integer     not null,
    updated_at       timestamp(6) with time zone not null
);
