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
