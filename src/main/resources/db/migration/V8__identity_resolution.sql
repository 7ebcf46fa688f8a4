-- Identity resolution: blocking keys for fuzzy candidates, merge candidates, merges with an undo snapshot.

-- A card merged into another keeps its row (and id) so the merge can be undone; it points to the survivor.
alter table contact add column merged_into bigint;

-- Blocking keys (phone tail, mailbox, canonical name) written when a card gains a phone, an email or a name.
-- Candidates are found by indexed equality on (kind, key_value), a bounded number per key, whatever the size of
-- the contact table.
create table contact_key (
    kind        varchar(16)  not null,
    key_value   varchar(400) not null,
    contact_id  bigint       not null,
    primary key (kind, key_value, contact_id)
);
create index contact_key_contact_idx on contact_key (contact_id);

-- Pairs of cards that may be one person: contact_id < other_id; listed by /api/contacts/duplicates while open.
create sequence merge_candidate_seq start with 1 increment by 50;
create table merge_candidate (
    id          bigint primary key,
    contact_id  bigint        not null,
    other_id    bigint        not null,
    score       double precision not null,
    rule        varchar(32)   not null,
    reasons     varchar(1000) not null,
    status      varchar(16)   not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    constraint merge_candidate_uk unique (contact_id, other_id)
);
create index merge_candidate_status_idx on merge_candidate (status, id);
create index merge_candidate_other_idx on merge_candidate (other_id);

-- Every merge, by an operator or by a rule: the audit record and the snapshot of what moved, for the undo.
create sequence contact_merge_seq start with 1 increment by 50;
create table contact_merge (
    id          bigint primary key,
    target_id   bigint        not null,
    source_id   bigint        not null,
    origin      varchar(16)   not null,
    rule        varchar(32),
    score       double precision,
    reasons     varchar(1000),
    snapshot    text          not null,
    created_at  timestamp(6) with time zone not null,
    undone_at   timestamp(6) with time zone
);
create index contact_merge_target_idx on contact_merge (target_id);
create index contact_merge_source_idx on contact_merge (source_id);
