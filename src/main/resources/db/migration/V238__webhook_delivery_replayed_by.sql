-- Who last replayed a webhook delivery (a dead letter) from the console (issue #23: every console action records its
-- actor). Null when no signed-in user did (the API, never replayed).
alter table webhook_delivery add column replayed_by varchar(200);
