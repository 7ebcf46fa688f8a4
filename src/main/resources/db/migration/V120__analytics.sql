-- Analytics (docs/console.md#analytics): the lead's campaign as a column, so funnels and lead counts group by it in
-- SQL. Filled by the intake from the first inquiry's utm_campaign; leads received before this version have none.
alter table lead add column utm_campaign varchar(1000);
-- Won amounts and lead counts of a period scan stage entries and leads by time.
create index deal_move_moved_idx on deal_move (moved_at);
