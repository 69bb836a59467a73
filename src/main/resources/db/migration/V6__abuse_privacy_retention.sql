-- Abuse resistance, privacy and retention.

-- Where a sign-on came from (kept only as long as abuse checks need it: see the retention job),
-- what about it looked automated, and whether the address belongs to a throwaway-mail service.
alter table signature
    add column client_ip        inet,
    add column bot_signal       varchar(16) check (bot_signal in ('HONEYPOT', 'TOO_FAST', 'NO_FORM_TOKEN')),
    add column disposable_email boolean not null default false,
    add column anonymized_at    timestamptz;

-- Retention and erasure remove contact details for good, so they can be absent.
alter table signature
    alter column email drop not null,
    alter column email_normalized drop not null,
    alter column confirm_token_hash drop not null,
    alter column confirm_expires_at drop not null;

alter table signature drop constraint signature_state_check;
alter table signature add constraint signature_state_check
    check (state in ('UNCONFIRMED', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'DUPLICATE', 'WITHDRAWN', 'INVALIDATED'));

-- Recent sign-ons by time (abuse alerts, bulk invalidation windows, IP retention). Rows arrive in
-- time order, so a BRIN index answers these for a few bytes per thousand rows and costs the
-- sign-on insert almost nothing, unlike another B-tree.
create index signature_created_brin on signature using brin (created_at);

-- Which signature an email is about, so a signer's data export and erasure can find it. No
-- foreign key: the outbox row must be insertable in the same statement as the signature, and an
-- erased signature's mails are deleted with it.
alter table outbox_email add column signature_id bigint;
create index outbox_email_signature on outbox_email (signature_id) where signature_id is not null;

-- Admin bulk invalidation (by IP, email domain or time window), reversible: each item remembers
-- the state its signature had.
create sequence signature_invalidation_seq;
create table signature_invalidation (
    id              bigint primary key default nextval('signature_invalidation_seq'),
    letter_id       bigint       not null references letter (id),
    -- An address or a CIDR range, as typed (e.g. 203.0.113.0/24).
    client_range    varchar(50),
    email_domain    varchar(254),
    from_time       timestamptz,
    to_time         timestamptz,
    reason          varchar(500) not null,
    signature_count integer      not null,
    created_by      bigint references account (id),
    created_at      timestamptz  not null,
    reversed_by     bigint references account (id),
    reversed_at     timestamptz,
    -- No "at least one criterion" check here: the retention job later removes client ranges.
    version         bigint       not null default 0
);
create index signature_invalidation_letter on signature_invalidation (letter_id, id);

create table signature_invalidation_item (
    invalidation_id bigint      not null references signature_invalidation (id),
    signature_id    bigint      not null references signature (id),
    previous_state  varchar(20) not null,
    primary key (invalidation_id, signature_id)
);

-- Rate limits changed by an admin at runtime; the configuration holds the defaults.
create table rate_limit_setting (
    name       varchar(40) primary key,
    per_minute integer     not null check (per_minute between 1 and 1000000),
    burst      integer     not null check (burst between 1 and 1000000),
    updated_by bigint references account (id),
    updated_at timestamptz not null
);

-- "One IP address or email domain produced an unusual share of a letter's recent sign-ons."
create table abuse_alert (
    id         bigserial primary key,
    letter_id  bigint       not null references letter (id),
    kind       varchar(8)   not null check (kind in ('IP', 'DOMAIN')),
    value      varchar(254) not null,
    matching   integer      not null,
    total      integer      not null,
    since      timestamptz  not null,
    created_at timestamptz  not null
);
create index abuse_alert_recent on abuse_alert (letter_id, kind, value, created_at);

-- Secrets shared by every instance and generated on first use (e.g. the key that signs the
-- sign-on form's time stamp, so a form served by one instance can be posted to another).
create table app_secret (
    name       varchar(40) primary key,
    value      bytea       not null,
    created_at timestamptz not null default now()
);

-- Erasure must reach the audit trail too: the one change allowed to an audit row is blanking
-- its before/after values (which may hold a signer's name) and stamping when that happened.
alter table audit_event add column redacted_at timestamptz;

create or replace function audit_event_is_append_only() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' and old.redacted_at is null and new.redacted_at is not null
        and new.before is null and new.after is null
        and (new.id, new.occurred_at, new.actor_account_id, new.actor, new.action, new.letter_id,
             new.signature_id, new.account_id)
            is not distinct from
            (old.id, old.occurred_at, old.actor_account_id, old.actor, old.action, old.letter_id,
             old.signature_id, old.account_id)
    then
        return new;
    end if;
    raise exception 'audit_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
