-- CRM connectors. Each connector keeps its own cursor over the outbox's feed positions (one row per CRM, locked by
-- the replica that pushes), and whether it was stopped (credentials refused) and with which credentials.
create table crm_cursor (
    crm              varchar(32)  primary key,
    last_position    bigint       not null,
    stopped_reason   varchar(200),
    stopped_at       timestamp(6) with time zone,
    credential_hash  varchar(64),
    updated_at       timestamp(6) with time zone not null
);

-- The CRM's ids of our contacts and leads, so a returning client's next lead reuses the CRM contact and a lead is
-- pushed once. remote_id is null while a create is in flight: a crash then is resolved by looking the record up.
create sequence crm_link_seq start with 1 increment by 50;
create table crm_link (
    id           bigint       primary key,
    crm          varchar(32)  not null,
    entity       varchar(16)  not null,
    local_id     bigint       not null,
    remote_type  varchar(16)  not null,
    remote_id    varchar(64),
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    constraint crm_link_uk unique (crm, entity, local_id)
);
create index crm_link_remote_idx on crm_link (crm, remote_type, remote_id);
