-- Junk reasons, loss reasons and lead statuses an administrator deleted (docs/pipeline.md#lists): the start-up
-- seeding from configuration and pipeline files skips them, so a deleted entry stays deleted. Adding the code again
-- through the API or the console removes its row here.
create table catalog_removal (
    list        varchar(16)  not null,
    code        varchar(64)  not null,
    removed_at  timestamp(6) with time zone not null,
    constraint catalog_removal_pk primary key (list, code)
);
