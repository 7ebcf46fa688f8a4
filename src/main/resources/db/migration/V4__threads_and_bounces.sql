-- Follow-ups find the inquiry they answer by its provider message id; bounced addresses are marked on the card.
create index inquiry_external_only_idx on inquiry (external_id);
alter table contact_identity add column undeliverable boolean not null default false;
