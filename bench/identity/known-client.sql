-- A returning client: the inquiry's identities (its phone and its handle, both known) looked up in one statement, as
-- IdentityResolver does, then the card read.
\set i random(1, :n)
select contact_id, identity_value, kind from contact_identity where identity_value = any(array['+79' || lpad(:i::text, 9, '0'), 'telegram:' || (100000000 + :i)]);
select id, name, merged_into from contact where id = :i;
