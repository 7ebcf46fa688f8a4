-- Who created or last changed a user (activation, password reset) from the console (issue #23: every console action
-- records its actor). Null for changes by the API, the first-admin start-up and migrated managers.
alter table app_user add column updated_by varchar(200);
