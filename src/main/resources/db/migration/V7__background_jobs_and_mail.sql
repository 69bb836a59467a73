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
