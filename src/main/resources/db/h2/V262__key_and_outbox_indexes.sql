-- The development run's H2 form of db/postgresql/V262__key_and_outbox_indexes.sql: H2 has no partial indexes, so
-- the index by card keeps the near keys and the envelope index stays whole. Near keys that no phone tail of their
-- card derives from go as on PostgreSQL (erasure finds near keys through the tails), and so does the unread unique
-- index on outbox event ids.
delete from contact_key k where k.kind = 'phone-near' and not exists (
    select 1 from contact_key t cross join (values (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)) as g(i)
    where t.contact_id = k.contact_id and t.kind = 'phone-tail' and length(t.key_value) = 10
      and k.key_value = substring(t.key_value, 1, g.i - 1) || substring(t.key_value, g.i + 1));
alter table outbox_event drop constraint outbox_event_id_uk;
