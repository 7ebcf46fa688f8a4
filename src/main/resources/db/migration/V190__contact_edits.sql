-- Who changed a contact card's name or company, and when (issue #23: every console action records its actor).
-- Only which fields changed is kept, not the values: the card holds those; an erasure deletes these rows too.
create sequence contact_edit_seq start with 1 increment by 50;
create table contact_edit (
    id          bigint primary key,
    contact_id  bigint       not null references contact (id),
    actor       varchar(200),
    fields      varchar(100) not null,
    created_at  timestamp(6) with time zone not null
);
create index contact_edit_contact_idx on contact_edit (contact_id, id);
