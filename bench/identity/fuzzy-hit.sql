-- A known client writing from a form that dropped the country code (+49 instead of +7): the exact lookup misses,
-- the phone tail finds the card, which is read for scoring.
\set i random(1, :n)
select contact_id from contact_identity where identity_value = '+499' || lpad(:i::text, 9, '0') and kind = 'PHONE';
select contact_id from contact_key where kind = 'phone-tail' and key_value = '9' || lpad(:i::text, 9, '0') order by contact_id desc limit 20;
select name, merged_into from contact where id = :i;
select kind, identity_value from contact_identity where contact_id = :i order by id;
