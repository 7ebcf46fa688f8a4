-- pgbench replay of the statements the gateway sends to PostgreSQL for one new person's web form (issue #15):
-- the database's own cost of the write path, with no JVM, measured by bench/write-path.sh beside the gateway.
-- The statements, their shapes, their round trips and the sizes of their values are those of a probe gateway's
-- statement log (log_statement = all, 2026-12-04); a change to the write path's SQL belongs here too.
--
-- As the gateway sends them, one transaction:
--   1. BEGIN with the idempotency claim                       (one round trip)
--   2. the identity read                                      (one)
--   3. the blocking-key read: tail, mailbox, ten near keys, name (one)
--   4. the card: contact, two identities, its keys            (one, pipelined)
--   5. the default pipeline's roster                          (one)
--   6. envelope, lead, inquiry, two events                    (one, pipelined)
--   7. COMMIT                                                 (one)
-- Differences: one inquiry per transaction (the gateway shares a transaction among the writes that wait together,
-- one savepoint each); ids come from a sequence read in one more round trip (the gateway takes 50 at a time); the
-- candidate-cards read, which runs for about a fifth of new people, is left out; event payloads and the inquiry's
-- item are filler of their real length; a new card's keys are a plain insert of each key once (the gateway drops a
-- phone's repeated near keys in Java, here "select distinct" does). The running gateway numbers the events and feeds
-- its desk from them in the background, as it does for its own.
\set n random(1, 9000000000000000)
-- The phone's ten last digits: 5 (no load generator's phone starts so) and nine digits of the row's id spread by a
-- fixed permutation (k * 7919 mod 10^9): no two replayed people share a phone, and few are one slip apart.
select id, '5' || lpad(cast((id / 2 * 7919) % 1000000000 as text), 9, '0') as tail,
  'sha256:' || md5(cast(:n as text)) || md5(cast(id as text)) as key, 'replay.' || :n || '@example.com' as mail
  from (select nextval('replay_id') as id) s \gset
\startpipeline
begin;
insert into idempotency_key (channel_id, key_value, created_at, expires_at) values ('bench', :key::text, now(), now() + interval '1 hour') on conflict do nothing;
\endpipeline
select contact_id, identity_value, kind from contact_identity where identity_value = any(array['+7' || :tail::text, :mail::text]);
select contact_id from (
  (select 0 as n, contact_id from contact_key where kind = 'phone-tail' and key_value = :tail::text order by contact_id desc limit 20) union all
  (select 1 as n, contact_id from contact_key where kind = 'mailbox' and key_value = :mail::text order by contact_id desc limit 20) union all
  (select 2 as n, contact_id from contact_key where kind = 'phone-near' and key_value = substr(:tail::text, 1, 0) || substr(:tail::text, 2) order by contact_id desc limit 20) union all
  (select 3 as n, contact_id from contact_key where kind = 'phone-near' and key_value = substr(:tail::text, 1, 1) || substr(:tail::text, 3) order by contact_id desc limit 20) union all
  (select 4 as n, contact_id from contact_key where kind = 'phone-near' and key_value = substr(:tail::text, 1, 2) || substr(:tail::text, 4) order by contact_id desc limit 20) union all
  (select 5 as n, contact_id from contact_key where kind = 'phone-near' and key_value = substr(:tail::text, 1, 3) || substr(:tail::text, 5) order by contact_id desc limit 20) union all
  (select 6 as n, contact_id from contact_key where kind = 'phone-near' and key_value = substr(:tail::text, 1, 4) || substr(:tail::text, 6) order by contact_id desc limit 20) union all
  (select 7 as n, contact_id from contact_key where kind = 'phone-near' and key_value = substr(:tail::text, 1, 5) || substr(:tail::text, 7) order by contact_id desc limit 20) union all
  (select 8 as n, contact_id from contact_key where kind = 'phone-near' and key_value = substr(:tail::text, 1, 6) || substr(:tail::text, 8) order by contact_id desc limit 20) union all
  (select 9 as n, contact_id from contact_key where kind = 'phone-near' and key_value = substr(:tail::text, 1, 7) || substr(:tail::text, 9) order by contact_id desc limit 20) union all
  (select 10 as n, contact_id from contact_key where kind = 'phone-near' and key_value = substr(:tail::text, 1, 8) || substr(:tail::text, 10) order by contact_id desc limit 20) union all
  (select 11 as n, contact_id from contact_key where kind = 'phone-near' and key_value = substr(:tail::text, 1, 9) || substr(:tail::text, 11) order by contact_id desc limit 20) union all
  (select 12 as n, contact_id from contact_key where kind = 'name' and key_value = 'repl ' || :n order by contact_id desc limit 20)
) k order by n, contact_id desc;
\startpipeline
insert into contact (id, name, company, responsible, created_at, updated_at, erased_at, merged_into) values (:id, 'Replay ' || :n, null, null, now(), now(), null, null);
insert into contact_identity (id, contact_id, kind, identity_value, label, undeliverable, created_at) values (:id, :id, 'PHONE', '+7' || :tail::text, null, false, now()), (:id::bigint + 1, :id, 'EMAIL', :mail::text, null, false, now());
insert into contact_key (kind, key_value, contact_id) select distinct * from (values ('phone-tail'::text, :tail::text, :id::bigint), ('mailbox', :mail::text, :id),
  ('phone-near', substr(:tail::text, 1, 0) || substr(:tail::text, 2), :id),
  ('phone-near', substr(:tail::text, 1, 1) || substr(:tail::text, 3), :id),
  ('phone-near', substr(:tail::text, 1, 2) || substr(:tail::text, 4), :id),
  ('phone-near', substr(:tail::text, 1, 3) || substr(:tail::text, 5), :id),
  ('phone-near', substr(:tail::text, 1, 4) || substr(:tail::text, 6), :id),
  ('phone-near', substr(:tail::text, 1, 5) || substr(:tail::text, 7), :id),
  ('phone-near', substr(:tail::text, 1, 6) || substr(:tail::text, 8), :id),
  ('phone-near', substr(:tail::text, 1, 7) || substr(:tail::text, 9), :id),
  ('phone-near', substr(:tail::text, 1, 8) || substr(:tail::text, 10), :id),
  ('phone-near', substr(:tail::text, 1, 9) || substr(:tail::text, 11), :id),
  ('name', 'repl ' || :n, :id)) v;
\endpipeline
select id, managers from pipeline where is_default = true order by id limit 1;
\startpipeline
insert into envelope (id, channel_id, provider, received_at, method, sub_path, query_string, request_url, headers, body, status, error, attempts, updated_at, dedup_key, reason, next_attempt_at, replayed_by) values (:id, 'bench', 'webform', now(), 'POST', '', null, 'http://127.0.0.1/hooks/bench', '{"Content-Length": ["119"], "Content-Type": ["application/json"], "Host": ["127.0.0.1"]}', convert_to('{"name": "Replay ' || :n || '", "phone": "+7' || :tail::text || '", "email": "' || :mail::text || '", "message": "load"}', 'UTF8'), 'PROCESSED', null, 1, now(), null, null, null, null);
insert into lead (id, contact_id, channel_id, source, status, attribution, utm_campaign, returning_client, callback, inquiry_count, status_code, junk_reason, responsible, deal_id, created_at, updated_at) values (:id, :id, 'bench', 'bench', 'NEW', '{"utm_source": null, "utm_medium": null, "utm_campaign": null, "utm_content": null, "utm_term": null, "clickIds": {}, "referrer": null, "landingPage": null, "ad": null}', null, false, false, 1, null, null, null, null, now(), now());
insert into inquiry (id, envelope_id, channel_id, provider, family, kind, reason, external_id, dedup_key, occurred_at, received_at, contact_id, lead_id, item, resolution) values (:id, :id, 'bench', 'webform', 'webform', 'lead', null, null, :key::text, null, now(), :id, :id, repeat('i', 540) || :n, null);
insert into outbox_event (id, event_id, type, contact_id, lead_id, inquiry_id, channel_id, payload, created_at) values (:id, gen_random_uuid()::text, 'leadgate.inquiry.received', :id, :id, :id, 'bench', repeat('e', 990) || :n, now()), (:id::bigint + 1, gen_random_uuid()::text, 'leadgate.lead.created', :id, :id, :id, 'bench', repeat('e', 725) || :n, now());
\endpipeline
commit;
