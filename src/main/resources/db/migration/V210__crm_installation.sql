-- OAuth 2 installation of the CRM connectors. crm_oauth_state: the states the gateway issued for amoCRM's redirect
-- (only their SHA-256 is kept; each is used once, before it expires). crm_install: what an installation told about the
-- account (Bitrix24 member_id and domain) and the application token its events carry from then on, sealed like the
-- OAuth tokens (key_id null: stored as given); refresh_hash is the SHA-256 of the installation's refresh token that was
-- verified, so the same installation posted twice (install page and ONAPPINSTALL) is recognised without a second
-- exchange.
create table crm_oauth_state (
    state_hash  varchar(64)  primary key,
    crm         varchar(32)  not null,
    created_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null,
    used_at     timestamp(6) with time zone
);

create table crm_install (
    crm                varchar(32)  primary key,
    member_id          varchar(64),
    domain             varchar(255),
    key_id             varchar(16),
    application_token  text,
    refresh_hash       varchar(64),
    installed_at       timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null
);
