-- Who said "not the same person" about a duplicate pair (issue #23: every console action records its actor), as
-- contact_merge.merged_by does for merges. Null for pairs decided before this column and by rules.
alter table merge_candidate add column decided_by varchar(200);
