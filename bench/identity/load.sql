-- Bulk load of :n synthetic contacts with their identities and blocking keys, as the write path stores them.
-- Names come from 40 given names x 60 surnames, so name keys have realistic collisions (:n / 2400 per key).
truncate contact_key, contact_identity, contact cascade;
insert into contact (id, name, created_at, updated_at)
select i, (array['aleksandr','aleksei','andrei','dmitri','sergei','mihail','ivan','nikolai','vladimir','evgeni',
                 'maksim','pavel','roman','oleg','igor','anton','konstantin','viktor','iuri','denis',
                 'ekaterina','ana','maria','elena','olga','natalia','tatiana','irina','svetlana','iulia',
                 'anastasia','daria','ksenia','marina','viktoria','liudmila','galina','alena','polina','veronika'])[1 + i % 40]
       || ' ' || 'surname' || ((i / 40) % 60), now(), now()
from generate_series(1, :n) i;
insert into contact_identity (id, contact_id, kind, identity_value, created_at, undeliverable)
select i, i, 'PHONE', '+79' || lpad(i::text, 9, '0'), now(), false from generate_series(1, :n) i;
insert into contact_identity (id, contact_id, kind, identity_value, created_at, undeliverable)
select :n + i, i, 'EMAIL', 'user.' || i || '@gmail.com', now(), false from generate_series(1, :n) i where i % 10 < 7;
insert into contact_identity (id, contact_id, kind, identity_value, created_at, undeliverable)
select 2 * :n + i, i, 'HANDLE', 'telegram:' || (100000000 + i), now(), false from generate_series(1, :n) i where i % 2 = 0;
insert into contact_key (kind, key_value, contact_id)
select 'phone-tail', '9' || lpad(i::text, 9, '0'), i from generate_series(1, :n) i;
insert into contact_key (kind, key_value, contact_id)
select 'mailbox', 'user' || i || '@gmail.com', i from generate_series(1, :n) i where i % 10 < 7;
insert into contact_key (kind, key_value, contact_id)
select 'name', least(split_part(name, ' ', 1), split_part(name, ' ', 2)) || ' '
       || greatest(split_part(name, ' ', 1), split_part(name, ' ', 2)), id from contact;
-- the phone tail's near keys: its one-digit deletions, as PhoneDrift.storedKeys writes them (one per distinct result)
insert into contact_key (kind, key_value, contact_id)
select distinct 'phone-near', overlay(('9' || lpad(i::text, 9, '0')) placing '' from d for 1), i
from generate_series(1, :n) i, generate_series(1, 10) d;
vacuum analyze contact;
vacuum analyze contact_identity;
vacuum analyze contact_key;
