-- Deals get a title, products from a catalogue, an expected close date; stages a probability for the weighted
-- forecast; tunnels can rename the deal they carry and choose which fields travel.
-- Portable between PostgreSQL and H2 in PostgreSQL mode; sequences step by 50 like V1.

-- title: the operator's title (null = the default, made from the contact and the source when shown);
-- amount_manual: the amount was set by hand and no longer follows the products.
alter table deal add column title varchar(500);
alter table deal add column expected_close date;
alter table deal add column amount_manual boolean not null default false;
update deal set amount_manual = true where amount is not null;

-- Chance (0..100 %) that a deal in this in-progress stage is won; null = not set (counts as 0).
alter table stage add column probability integer;

create sequence product_seq start with 1 increment by 50;
create table product (
    id          bigint primary key,
    name        varchar(200)   not null,
    price       numeric(19, 2) not null,
    currency    varchar(3)     not null,
    active      boolean        not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null
);

-- A product on a deal: name, price and currency as they were when it was added, so price changes in the catalogue
-- do not rewrite past deals.
create sequence deal_item_seq start with 1 increment by 50;
create table deal_item (
    id          bigint primary key,
    deal_id     bigint         not null references deal (id),
    product_id  bigint         not null references product (id),
    name        varchar(200)   not null,
    price       numeric(19, 2) not null,
    currency    varchar(3)     not null,
    quantity    numeric(19, 3) not null,
    position    integer        not null
);
create index deal_item_deal_idx on deal_item (deal_id, position);
create index deal_item_product_idx on deal_item (product_id);

-- What a tunnel does to the deal it carries: a title prefix and suffix, and which fields travel (null = all).
alter table tunnel add column title_prefix varchar(200);
alter table tunnel add column title_suffix varchar(200);
alter table tunnel add column carry varchar(500);

create index deal_status_stage_idx on deal (status, stage_entered_at);
