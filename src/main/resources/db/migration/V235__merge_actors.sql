-- Who merged two cards and who undid the merge (issue #23: every console action records its actor). Null for
-- merges by rules and for API calls that name nobody.
alter table contact_merge add column merged_by varchar(200);
alter table contact_merge add column undone_by varchar(200);
