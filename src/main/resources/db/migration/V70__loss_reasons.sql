-- Reasons a deal can be lost for: a managed list like junk_reason. Moving a deal into a lost stage names one.
create table loss_reason (
    code      varchar(64)  primary key,
    name      varchar(200) not null,
    position  integer      not null
);
