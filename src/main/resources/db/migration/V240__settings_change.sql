-- Who changed a setting, and what (issue #23: every console action records its actor): pipelines, stages, tunnels,
-- automation rules, the junk/loss reason and lead status lists, the analytics time zone, webhook subscriptions and
-- CRM connectors. Written in the transaction of the change; read newest first by GET /api/settings/changes.
create sequence settings_change_seq start with 1 increment by 50;
create table settings_change (
    id          bigint primary key,
    changed_at  timestamp(6) with time zone not null,
    actor       varchar(200),
    kind        varchar(64)  not null,
    subject     varchar(200),
    detail      varchar(1000)
);
create index settings_change_at_idx on settings_change (changed_at, id);
