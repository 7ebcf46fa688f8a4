-- Robots beyond stage entry (issue #19): rules on a client's new inquiry (per pipeline and stage, or per lead status),
-- rules on entry into a lead status, delays in calendar periods (P11M) and repeating rules (every P1Y).
alter table automation_rule alter column pipeline_id drop not null;
alter table automation_rule alter column stage_id drop not null;
alter table automation_rule add column trigger_on varchar(32) default 'stage-entered' not null;
alter table automation_rule add column lead_status varchar(64);
alter table automation_rule add column inquiry_kinds varchar(200);
alter table automation_rule add column delay_period varchar(32);
alter table automation_rule add column repeat_every varchar(32);
create index automation_rule_lead_status_idx on automation_rule (lead_status);

-- A job is on a deal or on a lead; "cause" names the occasion (a stage entry, an inquiry, a status entry) and with
-- the rule and the occurrence number makes the job unique: exactly once per occasion, even for repeating rules.
alter table automation_job alter column deal_id drop not null;
alter table automation_job alter column stage_id drop not null;
alter table automation_job alter column move_id drop not null;
alter table automation_job add column lead_id bigint;
alter table automation_job add column cause varchar(200);
alter table automation_job add column occurrence integer default 0 not null;
alter table automation_job add column cancelled_by varchar(200);
create unique index automation_job_occasion_uk on automation_job (rule_id, cause, occurrence);
create index automation_job_lead_idx on automation_job (lead_id);

-- Tasks on leads as well as deals: assignee, completion, where an automatic task came from.
alter table deal_task alter column deal_id drop not null;
alter table deal_task add column lead_id bigint;
alter table deal_task add column assignee varchar(200);
alter table deal_task add column created_by varchar(200);
alter table deal_task add column completed_at timestamp(6) with time zone;
alter table deal_task add column completed_by varchar(200);
alter table deal_task add column origin varchar(100);
alter table deal_task add constraint deal_task_target_ck check (deal_id is not null or lead_id is not null);
create unique index deal_task_origin_uk on deal_task (origin);
create index deal_task_lead_idx on deal_task (lead_id);
create index deal_task_assignee_idx on deal_task (assignee, done, due_at);

-- The desk's reader of the event feed (inquiries and new leads -> triggers, call-back tasks, speed to lead):
-- starts at the end of the feed, so history is not replayed.
create table desk_cursor (
    id             integer primary key,
    last_position  bigint not null
);
insert into desk_cursor (id, last_position) select 1, coalesce(max(feed_position), 0) from outbox_event;

-- Speed to lead: one row per lead, from its arrival to its manager's first action.
create table lead_response (
    lead_id            bigint primary key,
    manager            varchar(200),
    channel_id         varchar(200) not null,
    source             varchar(500),
    arrived_at         timestamp(6) with time zone not null,
    first_action       varchar(32),
    first_action_by    varchar(200),
    first_action_at    timestamp(6) with time zone,
    breached           boolean default false not null,
    breach_emitted_at  timestamp(6) with time zone
);
create index lead_response_arrived_idx on lead_response (arrived_at);
create index lead_response_waiting_idx on lead_response (arrived_at) where first_action_at is null and breach_emitted_at is null;

-- Working hours and absences: round robin skips a manager outside them.
create table manager_hours (
    manager     varchar(200) primary key,
    time_zone   varchar(64)  not null,
    days        text         not null,
    updated_at  timestamp(6) with time zone not null
);
create sequence manager_absence_seq start with 1 increment by 50;
create table manager_absence (
    id          bigint primary key,
    manager     varchar(200) not null,
    starts_at   timestamp(6) with time zone not null,
    ends_at     timestamp(6) with time zone not null,
    reason      varchar(500),
    created_at  timestamp(6) with time zone not null
);
create index manager_absence_manager_idx on manager_absence (manager, ends_at);
