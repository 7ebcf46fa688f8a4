-- One row per deal and pipeline it entered: what the funnel needs of the deal's live stage entries there (issue #16).
-- Kept by FunnelSummary in the transaction of each stage entry (DealService) and of each stage layout change
-- (PipelineService); the funnel reads it for the deals whose entries all fall in the period and the stage entries
-- only for the deals that cross the period's edges. Positions are stage.position; lost is the set of lost stage
-- positions entered, as a bit mask (sum of distinct powers of two: bit_or, portable).
create table deal_funnel (
    deal_id     bigint                      not null references deal (id),
    pipeline_id bigint                      not null,
    first_at    timestamp(6) with time zone not null,
    last_at     timestamp(6) with time zone not null,
    lo          integer,
    hi          integer,
    lost        bigint,
    loss_reason varchar(200),
    primary key (deal_id, pipeline_id)
);
create index deal_funnel_first_idx on deal_funnel (pipeline_id, first_at, last_at);
create index deal_funnel_last_idx on deal_funnel (pipeline_id, last_at, first_at);
-- the medians read the stays of a pipeline stage by stage from this index alone
create index deal_move_stay_idx on deal_move (to_pipeline_id, to_stage_id, moved_at, left_at);
-- deals won in a period (the leads page's won amounts): the won stages' entries in the period from this index alone
create index deal_move_won_idx on deal_move (to_stage_id, moved_at, deal_id);
-- grouped by UTM campaign, each deal's lead's campaign is read from this index alone, not from the wide lead rows
create index lead_campaign_idx on lead (id, utm_campaign);

-- the backfill: the same statement as FunnelSummary's, for every deal
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
