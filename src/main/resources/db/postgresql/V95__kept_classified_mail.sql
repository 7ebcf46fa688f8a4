-- Mail classified away (auto-reply, bounce, newsletter, receipt) is kept as an envelope of status CLASSIFIED with
-- its reason, for review and replay. Its dedup key lets a redelivery, however late, find it again (the idempotency
-- key table forgets keys after leadgate.idempotency.retention).
alter table envelope add column dedup_key varchar(600);
alter table envelope add column reason varchar(64);
create index envelope_dedup_idx on envelope (channel_id, dedup_key) where dedup_key is not null;
