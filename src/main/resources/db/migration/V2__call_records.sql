-- One record per call (channel, provider call id): what the call's events said, folded so it never regresses,
-- and the lead the call opened.
create sequence call_record_seq start with 1 increment by 50;
create table call_record (
    id                bigint primary key,
    channel_id        varchar(64)  not null,
    call_id           varchar(200) not null,
    direction         varchar(8),
    customer          varchar(64),
    line              varchar(64),
    contact_id        bigint references contact (id),
    lead_id           bigint references lead (id),
    started_at        timestamp(6) with time zone,
    answered_at       timestamp(6) with time zone,
    ended_at          timestamp(6) with time zone,
    answered_by       varchar(16),
    duration_seconds  bigint,
    recording_url     text,
    missed            boolean,
    events            integer      not null,
    last_event        varchar(64),
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    constraint call_record_uk unique (channel_id, call_id)
);
create index call_record_contact_idx on call_record (contact_id);

-- A lead opened by a missed call asks for a call back.
alter table lead add column callback boolean not null default false;
