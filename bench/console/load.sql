-- Bulk data for the console benchmark: :leads leads (one contact, phone and inquiry each, newest first over a year:
-- one every 5 minutes), :deals open deals spread over the in-progress stages of the default pipeline (seeded by the
-- app at start-up), and a year of closed deals for the analytics: every third lead became a deal that went through
-- 1-5 in-progress stages and was then won (a third) or lost (price, competitor, no-answer), with its stage entries.
begin;
insert into contact (id, name, created_at, updated_at)
select g, 'Client ' || g, now() - make_interval(mins => g * 5), now() from generate_series(1, :leads) g;
insert into contact_identity (id, contact_id, kind, identity_value, created_at)
select g, g, 'PHONE', '+7916' || lpad(g::text, 7, '0'), now() from generate_series(1, :leads) g;
insert into lead (id, contact_id, channel_id, source, status, attribution, returning_client, callback, inquiry_count,
                  created_at, updated_at, responsible, junk_reason, utm_campaign)
select g, g, (array['form', 'tilda', 'tg', 'mail', 'calls'])[g % 5 + 1], (array['website', 'yandex-direct', 'avito'])[g % 3 + 1],
       case when g % 7 = 0 then 'JUNK' when g % 3 = 0 then 'CONVERTED' else 'NEW' end,
       '{"utm_source":"google","utm_campaign":"autumn"}', g % 10 = 0, g % 17 = 0, 1,
       now() - make_interval(mins => g * 5), now(), (array['anna', 'ivan', null])[g % 3 + 1],
       case when g % 7 = 0 then (array['spam', 'test', 'duplicate'])[g % 3 + 1] end,
       (array['autumn', 'spring', null])[g % 3 + 1]
from generate_series(1, :leads) g;
insert into inquiry (id, channel_id, provider, family, kind, dedup_key, received_at, contact_id, lead_id, item)
select g, (array['form', 'tilda', 'tg', 'mail', 'calls'])[g % 5 + 1], 'webform', 'webform', 'lead', 'bench-' || g,
       now() - make_interval(mins => g * 5), g, g,
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
-- the year of closed deals: lead 3k became deal :deals + k
create temporary table st as
select st.id, st.pipeline_id, st.semantics, row_number() over (partition by st.semantics order by st.position) - 1 as n
from stage st join pipeline p on p.id = st.pipeline_id where p.is_default and not st.deleted;
create temporary table hd as
select :deals + k as id, 3 * k as lead_id, k % 5 + 1 as depth, case when k % 3 = 0 then 'won' else 'lost' end as outcome,
       (select created_at from lead where id = 3 * k) as at, (k % 48 + 1) as hours, k
from generate_series(1, :leads / 3) k;
insert into deal (id, pipeline_id, stage_id, status, contact_id, lead_id, channel_id, source, amount, currency,
                  responsible, loss_reason, inquiry_count, stage_entered_at, created_at, updated_at)
select hd.id, s.pipeline_id, s.id, hd.outcome, l.contact_id, l.id, l.channel_id, l.source, 1000 + (hd.k % 97) * 150,
       'RUB', (array['anna', 'ivan', 'olga'])[hd.k % 3 + 1],
       case when hd.outcome = 'lost' then (array['price', 'competitor', 'no-answer'])[hd.k % 3 + 1] end, 1,
       hd.at + make_interval(hours => hd.hours * hd.depth), hd.at, hd.at
from hd join lead l on l.id = hd.lead_id join st s on s.semantics = hd.outcome and s.n = 0;
update lead set deal_id = :deals + id / 3 where id % 3 = 0;
insert into deal_move (id, deal_id, to_pipeline_id, to_stage_id, actor, loss_reason, moved_at, left_at)
select row_number() over (), hd.id, s.pipeline_id, s.id, 'bench',
       case when i = hd.depth and hd.outcome = 'lost' then (array['price', 'competitor', 'no-answer'])[hd.k % 3 + 1] end,
       hd.at + make_interval(hours => hd.hours * i),
       case when i < hd.depth then hd.at + make_interval(hours => hd.hours * (i + 1)) end
from hd cross join generate_series(0, 5) i
join st s on (i < hd.depth and s.semantics = 'in-progress' and s.n = i) or (i = hd.depth and s.semantics = hd.outcome and s.n = 0)
where i <= hd.depth;
-- the funnel's per-deal summary (V260), as the app keeps it on each move: the backfill statement of V260 (after
-- statistics on the fresh entries: the first run without them loaded in 291 s instead of about 10 s, presumably
-- because the per-deal lookup of the last loss was planned blind)
analyze deal_move;
analyze stage;
insert into deal_funnel (deal_id, pipeline_id, first_at, last_at, lo, hi, lost, loss_reason)
select m.deal_id, m.to_pipeline_id, min(m.moved_at), max(m.moved_at),
       min(case when s.semantics <> 'lost' then s.position end),
       max(case when s.semantics <> 'lost' then s.position end),
       cast(sum(distinct case when s.semantics = 'lost' then cast(power(2, s.position) as bigint) end) as bigint),
       (select x.loss_reason from deal_move x join stage y on y.id = x.to_stage_id
        where x.deal_id = m.deal_id and x.to_pipeline_id = m.to_pipeline_id and y.semantics = 'lost'
          and y.deleted = false
        order by x.moved_at desc, x.id desc limit 1)
from deal_move m join stage s on s.id = m.to_stage_id
where s.deleted = false
group by m.deal_id, m.to_pipeline_id;
select setval('deal_move_seq', (select max(id) + 1000 from deal_move));
select setval('contact_seq', :leads + 1000), setval('contact_identity_seq', :leads + 1000),
       setval('lead_seq', :leads + 1000), setval('inquiry_seq', :leads + 1000), setval('deal_seq', :deals + :leads / 3 + 1000);
commit;
analyze;
