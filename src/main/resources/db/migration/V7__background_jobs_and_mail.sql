-- Durable background work (bulk decisions, mailings, imports): a row that workers claim with
-- FOR UPDATE SKIP LOCKED and hold with a lease, resumed from its cursor after a restart.
create sequence background_job_seq;

create table background_job (
    id           bigint primary key,
    kind         varchar(60)  not null,
    letter_id    bigint references letter (id) on delete cascade,
    state        varchar(16)  not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    params       jsonb        not null default '{}',
    cursor_value varchar(200),
    done         bigint       not null default 0,
    total        bigint,
    attempts     integer      not null default 0,
    lease_owner  varchar(80),
    lease_until  timestamptz,
    last_error   varchar(500),
    created_by   bigint,
    created_at   timestamptz  not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    updated_at   timestamptz  not null
);

create index background_job_claimable on background_job (updated_at, id) where state in ('QUEUED', 'RUNNING');
create index background_job_letter on background_job (letter_id, id) where letter_id is not null;

-- The outbox at campaign scale: an explicit state, a priority (links first, then notices, then
-- bulk mail), bounces kept apart from temporary failures, and what update mailings need.
alter table outbox_email add column state varchar(10) not null default 'QUEUED'
    check (state in ('QUEUED', 'SENT', 'FAILED', 'BOUNCED'));
update outbox_email set state = case when sent_at is not null then 'SENT'
                                     when failed_at is not null then 'FAILED' else 'QUEUED' end;
-- 0 = links (confirmation, sign-in), 1 = notices to one person, 2 = bulk (updates, digests).
alter table outbox_email add column priority smallint not null default 1 check (priority between 0 and 2);
alter table outbox_email add column bounced_at timestamptz;
-- The SMTP reply code and enhanced status of the last failure (e.g. "550 5.1.1"), never its text.
alter table outbox_email add column smtp_reply varchar(20);
-- One-click unsubscribe (RFC 8058) for update mailings; erased with the body once sent.
alter table outbox_email add column unsubscribe_url varchar(500);
alter table outbox_email add column reply_to varchar(254);
alter table outbox_email add column mailing_id bigint;

drop index outbox_email_due;
create index outbox_email_due on outbox_email (priority, next_attempt_at, id) where state = 'QUEUED';
create index outbox_email_problems on outbox_email (id) where state in ('FAILED', 'BOUNCED');
-- A mailing reaches each signer once, however often its fan-out is resumed.
create unique index outbox_email_mailing_once on outbox_email (mailing_id, signature_id) where mailing_id is not null;

-- Cluster-wide send cap: how many emails all instances together have taken in the current second.
create table mail_send_window (
    id           smallint primary key check (id = 1),
    window_start timestamptz not null,
    used         integer     not null
);

-- A signer's address that bounced is a vetting signal.
alter table signature add column email_bounced_at timestamptz;
insert into mail_send_window (id, window_start, used) values (1, 'epoch', 0);

-- Campaign mailings: an update (or victory, or news of the delivery) emailed to the signers who
-- asked for updates. The fan-out is a background job; each signer gets it once.
create sequence mailing_seq;
create table mailing (
    id                  bigint primary key,
    letter_id           bigint       not null references letter (id) on delete cascade,
    kind                varchar(12)  not null check (kind in ('UPDATE', 'DELIVERED', 'CLOSED')),
    campaign_update_id  bigint references campaign_update (id) on delete set null,
    subject             varchar(200) not null,
    body_text           text         not null,
    state               varchar(12)  not null check (state in ('DRAFT', 'SENDING', 'SENT', 'CANCELLED')),
    recipients          bigint,
    up_to_signature_id  bigint,
    queued              bigint       not null default 0,
    job_id              bigint,
    created_by          bigint,
    created_at          timestamptz  not null,
    confirmed_by        bigint,
    confirmed_at        timestamptz,
    finished_at         timestamptz,
    updated_at          timestamptz  not null,
    version             bigint       not null default 0
);
create index mailing_letter on mailing (letter_id, id);
-- The recipients of a letter's updates, in entry order, for the count and the fan-out.
create index signature_update_recipients on signature (letter_id, id)
    where consent_updates and state in ('PENDING_REVIEW', 'APPROVED') and email_bounced_at is null;

-- Delivery of a letter by email to its addressees. Their addresses are kept per letter and never
-- shown publicly; each delivery keeps when, to whom and the email's Message-ID.
alter table letter add column addressee_emails varchar(2000);
alter table outbox_email alter column recipient type varchar(2000);
create sequence letter_delivery_seq;
create table letter_delivery (
    id              bigint primary key,
    letter_id       bigint       not null references letter (id) on delete cascade,
    recipients      varchar(2000) not null,
    outbox_email_id bigint       not null,
    message_id      varchar(200) not null,
    signatories     bigint       not null,
    text_version    integer      not null,
    sent_by         bigint,
    created_at      timestamptz  not null
);
create index letter_delivery_letter on letter_delivery (letter_id, id);
-- "Sent in the last hour" on the admins' mail page.
create index outbox_email_sent_at on outbox_email (sent_at) where state = 'SENT';

-- When each vetter last got a digest of a letter's waiting entries (at most one per period).
create table vetter_digest (
    account_id   bigint      not null,
    letter_id    bigint      not null references letter (id) on delete cascade,
    last_sent_at timestamptz not null,
    primary key (account_id, letter_id)
);
