-- Parked envelopes (failed, unparseable) are replayed by themselves with back-off: when the next attempt is due.
alter table envelope add column next_attempt_at timestamp(6) with time zone;
update envelope set next_attempt_at = updated_at where status <> 'PROCESSED';
create index envelope_next_attempt_idx on envelope (next_attempt_at);
