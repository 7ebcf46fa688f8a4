-- The call record keeps the typed call state (io.leadgate.channel.telephony.CallState) it folds events into:
-- the furthest phase reached and whether an opening event (start, ringing, whole-call summary) was seen, so that a
-- call that started and ended without an answer is missed even when no event said so.
alter table call_record add column phase varchar(16);
alter table call_record add column opened boolean not null default false;
-- Calls recorded before: the timestamps tell the phase; any event recorded counts as the opening.
update call_record set phase = case when ended_at is not null then 'ENDED' when answered_at is not null then 'ANSWERED'
    else 'STARTED' end, opened = true where events > 0;
