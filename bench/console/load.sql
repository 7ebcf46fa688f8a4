-- Bulk data for the console benchmark: :leads leads (one contact, phone and inquiry each, newest first over ~70 days)
-- and :deals open deals spread over the in-progress stages of the default pipeline (seeded by the app at start-up).
begin;
insert into contact (id, name, created_at, updated_at)
select g, 'Client ' || g, now() - make_interval(mins => g), now() from generate_series(1, :leads) g;
insert into contact_identity (id, contact_id, kind, identity_value, created_at)
select g, g, 'PHONE', '+7916' || lpad(g::text, 7, '0'), now() from generate_series(1, :leads) g;
insert into lead (id, contact_id, channel_id, source, status, attribution, returning_client, callback, inquiry_count,
                  created_at, updated_at, responsible)
select g, g, (array['form', 'tilda', 'tg', 'mail', 'calls'])[g % 5 + 1], 'website',
       case when g % 7 = 0 then 'JUNK' when g % 11 = 0 then 'CONVERTED' else 'NEW' end,
       '{"utm":{"utm_source":"google","utm_campaign":"autumn"}}', g % 10 = 0, g % 17 = 0, 1,
       now() - make_interval(mins => g), now(), (array['anna', 'ivan', null])[g % 3 + 1]
from generate_series(1, :leads) g;
insert into inquiry (id, channel_id, provider, family, kind, dedup_key, received_at, contact_id, lead_id, item)
select g, (array['form', 'tilda', 'tg', 'mail', 'calls'])[g % 5 + 1], 'webform', 'webform', 'lead', 'bench-' || g,
       now() - make_interval(mins => g), g, g,
       '{"kind":"lead","channel":"webform","provider":"webform","subject":null,"text":"Please send a quote for a kitchen, about 3 metres, delivery to Kazan","attachments":[]}'
from generate_series(1, :leads) g;
insert into deal (id, pipeline_id, stage_id, status, contact_id, lead_id, channel_id, source, amount, currency,
                  responsible, inquiry_count, stage_entered_at, created_at, updated_at)
select g, s.pipeline_id, s.id, 'open', g, null, 'form', 'website', 1000 + (g % 97) * 150, 'RUB',
       (array['anna', 'ivan'])[g % 2 + 1], 1, now() - make_interval(hours => g % 500), now(), now()
from generate_series(1, :deals) g
join lateral (select st.id, st.pipeline_id, row_number() over (order by st.position) - 1 as n,
                     count(*) over () as c
              from stage st join pipeline p on p.id = st.pipeline_id
              where p.is_default and st.semantics = 'in-progress' and not st.deleted) s on s.n = g % s.c;
select setval('contact_seq', :leads + 1000), setval('contact_identity_seq', :leads + 1000),
       setval('lead_seq', :leads + 1000), setval('inquiry_seq', :leads + 1000), setval('deal_seq', :deals + 1000);
commit;
analyze;
