-- Near keys (kind 'phone-near': a phone tail with one digit deleted) let numbers one typing slip apart meet in
-- contact_key. Cards stored before them get theirs from a backfill that resumes where it stopped: it walks phone
-- identities in id order and records the last one done here, in the same transaction as the keys it wrote.
create table contact_key_backfill (
    kind        varchar(16) primary key,
    after_id    bigint      not null,
    done_at     timestamp(6) with time zone
);
insert into contact_key_backfill (kind, after_id) values ('phone-near', 0);
