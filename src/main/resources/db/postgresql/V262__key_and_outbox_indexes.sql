-- Index upkeep on the write path (#15), second part.
--
-- A new card writes about nine near keys per phone (kind phone-near: the phone tail with one digit left out, see
-- PhoneDrift), more than all its other keys together, and each was entered in the index by card as well. Nothing
-- reads near keys by card but erasure, which now finds them through the card's phone tails (ContactKeys.erase); the
-- index by card leaves them out, and the reads by card name their kind as a literal.
--
-- Erasure relies on every near key coming with the phone-tail key it derives from, on the same card. The one-time
-- backfill of V50 could break that for a card whose phones came from another card by a merge; such near keys are
-- deleted here (they point at a card that has no phone they derive from).
delete from contact_key k where k.kind = 'phone-near' and not exists (
    select 1 from contact_key t cross join (values (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)) as g(i)
    where t.contact_id = k.contact_id and t.kind = 'phone-tail' and length(t.key_value) = 10
      and k.key_value = substring(t.key_value, 1, g.i - 1) || substring(t.key_value, g.i + 1));
create index contact_key_by_card_idx on contact_key (contact_id, kind, key_value) where kind <> 'phone-near';
drop index contact_key_contact_kind_idx;
alter index contact_key_by_card_idx rename to contact_key_contact_kind_idx;

-- An outbox event's id is a random UUID (Outbox.appendAll) and no statement reads by it; its unique index cost two
-- entries per event, at random places in the index, once when written and once when the sequencer numbered it.
alter table outbox_event drop constraint outbox_event_id_uk;

-- Only parked envelopes wait for a next attempt (ParkedReplayer reads next_attempt_at <= ?); processed ones,
-- nearly all, have none and need no index entry.
drop index envelope_next_attempt_idx;
create index envelope_next_attempt_idx on envelope (next_attempt_at) where next_attempt_at is not null;
