-- A card's keys of one kind, in key order (the phone tails read to score a card): one range of this index instead
-- of a walk of the primary key's whole kind in key order, filtered by card, which grew with the number of contacts.
-- It also serves every lookup by card alone, so it replaces contact_key_contact_idx.
create index contact_key_contact_kind_idx on contact_key (contact_id, kind, key_value);
drop index contact_key_contact_idx;
