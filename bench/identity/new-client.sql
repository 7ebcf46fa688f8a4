-- A new client: exact lookups miss, then the blocking keys of the phone, the email and the full name are looked up
-- (a popular name returns its 20 newest cards), and the best cards found are read for scoring.
\set i random(1, :n)
\set g random(0, 39)
\set s random(0, 59)
select contact_id from contact_identity where identity_value = '+7999' || lpad(:i::text, 7, '0') and kind = 'PHONE';
select contact_id from contact_identity where identity_value = 'new.' || :i || '@gmail.com' and kind = 'EMAIL';
select contact_id from contact_key where kind = 'phone-tail' and key_value = '999' || lpad(:i::text, 7, '0') order by contact_id desc limit 20;
select contact_id from contact_key where kind = 'mailbox' and key_value = 'new' || :i || '@gmail.com' order by contact_id desc limit 20;
select contact_id from contact_key where kind = 'name' and key_value = 'aleksandr surname' || :s order by contact_id desc limit 20;
select name, merged_into from contact where id = :i;
select kind, identity_value from contact_identity where contact_id = :i order by id;
