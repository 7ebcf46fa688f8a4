-- Which replica polls a mailbox: one owner at a time, renewed while it polls, taken over when it expires.
create table mailbox_lease (
    channel_id   varchar(64)  primary key,
    owner        varchar(200) not null,
    expires_at   timestamp(6) with time zone not null,
    acquired_at  timestamp(6) with time zone not null
);

-- Attachment contents kept for channels with "attachments: store"; the inquiry's item JSON keeps the facts.
create sequence attachment_content_seq start with 1 increment by 50;
create table attachment_content (
    id            bigint       primary key,
    inquiry_id    bigint       not null,
    position      integer      not null,
    name          varchar(255),
    content_type  varchar(255),
    size          bigint       not null,
    sha256        varchar(64)  not null,
    content       bytea        not null,
    created_at    timestamp(6) with time zone not null
);
create unique index attachment_content_inquiry on attachment_content (inquiry_id, position);
