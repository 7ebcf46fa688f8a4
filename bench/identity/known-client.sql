-- A returning client: the inquiry's phone and handle are known (exact lookups, one per identity), the card is read.
\set i random(1, :n)
select contact_id from contact_identity where identity_value = '+79' || lpad(:i::text, 9, '0') and kind = 'PHONE';
select contact_id from contact_identity where identity_value = 'telegram:' || (100000000 + :i) and kind = 'HANDLE';
select id, name, merged_into from contact where id = :i;
