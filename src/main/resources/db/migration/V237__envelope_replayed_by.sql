-- Who last replayed a parked envelope from the console (issue #23: every console action records its actor). Null when
-- never replayed by a signed-in user (automatic retries, the API).
alter table envelope add column replayed_by varchar(200);
