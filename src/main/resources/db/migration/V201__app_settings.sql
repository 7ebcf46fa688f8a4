-- Settings administrators change at run time (docs/configuration.md#run-time-settings), one row per name; a name
-- without a row falls back to its configuration property. First: analytics.time-zone.
create table app_setting (
    name        varchar(100)  primary key,
    setting_value varchar(1000) not null,
    updated_at  timestamp(6) with time zone not null,
    updated_by  varchar(200)  not null
);
