-- People who sign in to the operator console. The managers that assignment names (V7's manager table) become
-- users with the manager role; they have no password until an admin sets one.
create table app_user (
    username       varchar(200) primary key,
    display_name   varchar(200),
    role           varchar(16)  default 'manager' not null,
    active         boolean      not null,
    password_hash  varchar(200),
    failed_logins  integer      default 0 not null,
    locked_until   timestamp(6) with time zone,
    created_at     timestamp(6) with time zone default current_timestamp not null,
    updated_at     timestamp(6) with time zone not null
);
insert into app_user (username, display_name, role, active, password_hash, failed_logins, created_at, updated_at)
    select id, name, 'manager', active, null, 0, updated_at, updated_at from manager;
drop table manager;

-- Contact card edits and notes.
alter table contact add column company varchar(500);
create sequence contact_note_seq start with 1 increment by 50;
create table contact_note (
    id          bigint primary key,
    contact_id  bigint        not null references contact (id),
    author      varchar(200),
    text        varchar(5000) not null,
    created_at  timestamp(6) with time zone not null
);
create index contact_note_contact_idx on contact_note (contact_id, id);

-- The inbox lists leads newest first (keyset on created_at, id), filtered by status or manager.
create index lead_inbox_idx on lead (created_at, id);
create index lead_status_inbox_idx on lead (status, created_at, id);
create index lead_responsible_idx on lead (responsible, created_at);
-- The board counts and lists a pipeline's deals per stage; the card's timeline reads a contact's lead events.
create index deal_stage_idx on deal (stage_id, stage_entered_at);
create index outbox_event_contact_idx on outbox_event (contact_id);
