-- Deal pipeline: lead statuses and junk reasons, pipelines and stages, deals with their move history, tunnels
-- between pipelines, automation on stage entry (rules and durable jobs), tasks, managers and round-robin cursors.
-- Portable between PostgreSQL and H2 in PostgreSQL mode; sequences step by 50 like V1.

-- The lead's own status within its semantics (new / in-progress / converted / junk), the junk reason, the manager
-- responsible and the deal it became. lead.status keeps the semantics, so existing codes keep working.
alter table lead add column status_code varchar(64);
alter table lead add column junk_reason varchar(64);
alter table lead add column responsible varchar(200);
alter table lead add column deal_id bigint;
-- The manager a returning client keeps.
alter table contact add column responsible varchar(200);

create table lead_status (
    code       varchar(64)  primary key,
    name       varchar(200) not null,
    semantics  varchar(16)  not null,
    position   integer      not null,
    builtin    boolean      not null
);

create table junk_reason (
    code      varchar(64)  primary key,
    name      varchar(200) not null,
    position  integer      not null
);

create sequence pipeline_seq start with 1 increment by 50;
create table pipeline (
    id          bigint primary key,
    name        varchar(200) not null,
    is_default  boolean      not null,
    managers    text,
    origin      varchar(16)  not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    constraint pipeline_name_uk unique (name)
);

-- Deleted stages are kept (deleted = true) so that the move history keeps its meaning.
create sequence stage_seq start with 1 increment by 50;
create table stage (
    id           bigint primary key,
    pipeline_id  bigint       not null references pipeline (id),
    name         varchar(200) not null,
    color        varchar(16)  not null,
    semantics    varchar(16)  not null,
    position     integer      not null,
    deleted      boolean      not null
);
create index stage_pipeline_idx on stage (pipeline_id, position);

create sequence deal_seq start with 1 increment by 50;
create table deal (
    id                bigint primary key,
    pipeline_id       bigint       not null references pipeline (id),
    stage_id          bigint       not null references stage (id),
    status            varchar(8)   not null,
    contact_id        bigint       not null references contact (id),
    lead_id           bigint       references lead (id),
    source_deal_id    bigint       references deal (id),
    channel_id        varchar(64),
    source            varchar(200),
    amount            numeric(19, 2),
    currency          varchar(3),
    responsible       varchar(200),
    loss_reason       varchar(200),
    fields            text,
    inquiry_count     integer      not null,
    stage_entered_at  timestamp(6) with time zone not null,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null
);
create index deal_pipeline_idx on deal (pipeline_id, stage_id);
create index deal_contact_idx on deal (contact_id, status);

-- Every entry of a deal into a stage: who, when, from where; left_at is set when the deal leaves the stage.
create sequence deal_move_seq start with 1 increment by 50;
create table deal_move (
    id                bigint primary key,
    deal_id           bigint       not null references deal (id),
    from_pipeline_id  bigint,
    from_stage_id     bigint,
    to_pipeline_id    bigint       not null,
    to_stage_id       bigint       not null,
    actor             varchar(200) not null,
    loss_reason       varchar(200),
    moved_at          timestamp(6) with time zone not null,
    left_at           timestamp(6) with time zone
);
create index deal_move_deal_idx on deal_move (deal_id, id);
create index deal_move_pipeline_idx on deal_move (to_pipeline_id, moved_at);

create sequence tunnel_seq start with 1 increment by 50;
create table tunnel (
    id                bigint primary key,
    from_pipeline_id  bigint      not null references pipeline (id),
    from_stage_id     bigint      not null references stage (id),
    to_pipeline_id    bigint      not null references pipeline (id),
    to_stage_id       bigint      not null references stage (id),
    mode              varchar(8)  not null,
    created_at        timestamp(6) with time zone not null
);
create index tunnel_from_idx on tunnel (from_stage_id);

create sequence automation_rule_seq start with 1 increment by 50;
create table automation_rule (
    id             bigint primary key,
    pipeline_id    bigint      not null references pipeline (id),
    stage_id       bigint      not null references stage (id),
    action         varchar(32) not null,
    params         text        not null,
    delay_seconds  bigint      not null,
    created_at     timestamp(6) with time zone not null
);
create index automation_rule_stage_idx on automation_rule (stage_id);

-- One job per rule and stage entry, claimed with FOR UPDATE SKIP LOCKED and finished in the same transaction.
create sequence automation_job_seq start with 1 increment by 50;
create table automation_job (
    id          bigint primary key,
    rule_id     bigint       not null,
    deal_id     bigint       not null references deal (id),
    stage_id    bigint       not null,
    move_id     bigint       not null,
    action      varchar(32)  not null,
    params      text         not null,
    status      varchar(16)  not null,
    due_at      timestamp(6) with time zone not null,
    attempts    integer      not null,
    last_error  varchar(500),
    created_at  timestamp(6) with time zone not null,
    done_at     timestamp(6) with time zone
);
create index automation_job_due_idx on automation_job (status, due_at);
create index automation_job_deal_idx on automation_job (deal_id);

create sequence deal_task_seq start with 1 increment by 50;
create table deal_task (
    id          bigint primary key,
    deal_id     bigint       not null references deal (id),
    kind        varchar(16)  not null,
    title       varchar(500) not null,
    due_at      timestamp(6) with time zone,
    done        boolean      not null,
    job_id      bigint,
    created_at  timestamp(6) with time zone not null,
    constraint deal_task_job_uk unique (job_id)
);
create index deal_task_deal_idx on deal_task (deal_id);

-- Managers known by id; an unknown manager counts as active.
create table manager (
    id          varchar(200) primary key,
    name        varchar(200),
    active      boolean      not null,
    updated_at  timestamp(6) with time zone not null
);

-- Round-robin position per scope (channel:<id> or pipeline:<id>).
create table assignment_cursor (
    scope       varchar(300) primary key,
    next_index  bigint       not null
);
