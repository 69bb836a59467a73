-- Admin accounts, per-letter restrictions, vetting decisions and the append-only audit trail.

create sequence account_seq increment by 50;

create table account (
    id                bigint primary key,
    email             varchar(254) not null unique check (email = lower(email)),
    display_name      varchar(200) not null,
    role              varchar(16)  not null check (role in ('ADMIN', 'EDITOR', 'VETTER')),
    password_hash     varchar(100),
    active            boolean      not null default true,
    invite_token_hash varchar(64) unique,
    invite_expires_at timestamptz,
    invited_by        bigint references account (id),
    failed_sign_ins   integer      not null default 0,
    next_sign_in_at   timestamptz,
    locked_until      timestamptz,
    last_sign_in_at   timestamptz,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null default 0
);

-- When a letter has rows here for a capability, only those accounts (and admins) have it on that letter.
create table letter_member (
    letter_id  bigint     not null references letter (id),
    account_id bigint     not null references account (id),
    capability varchar(8) not null check (capability in ('EDIT', 'VET')),
    primary key (letter_id, account_id, capability)
);

alter table signature drop constraint signature_state_check;
alter table signature add constraint signature_state_check
    check (state in ('UNCONFIRMED', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'DUPLICATE', 'WITHDRAWN'));
alter table signature
    add column website_domain varchar(253),
    add column decision_note  varchar(500),
    add column duplicate_of   bigint references signature (id),
    add column decided_by     bigint references account (id);

update signature
set website_domain = nullif(lower(regexp_replace(regexp_replace(website, '^https?://(www\.)?', '', 'i'), '[:/?#].*$', '')), '')
where website is not null;

-- Possible-duplicate lookups and the oldest-first queue.
create index signature_name_key on signature (letter_id, name_key);
create index signature_website_domain on signature (letter_id, website_domain) where website_domain is not null;
create index signature_email_normalized on signature (letter_id, email_normalized);
create index signature_queue on signature (letter_id, state, created_at, id);

-- Who did what, when, with the values before and after. The database itself refuses to change
-- or remove a row, whoever asks.
create table audit_event (
    id               bigserial primary key,
    occurred_at      timestamptz  not null default now(),
    actor_account_id bigint references account (id),
    actor            varchar(254) not null,
    action           varchar(64)  not null,
    letter_id        bigint references letter (id),
    signature_id     bigint references signature (id),
    account_id       bigint references account (id),
    before           jsonb,
    after            jsonb
);

create index audit_event_letter on audit_event (letter_id, id);
create index audit_event_signature on audit_event (signature_id, id);
create index audit_event_account on audit_event (account_id, id);

create function audit_event_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
