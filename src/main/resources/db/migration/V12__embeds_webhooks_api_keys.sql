-- Issue 13 (reach): sites allowed to frame a letter's embeddable pages, webhook endpoints and
-- their durable deliveries, and API keys for the OSDI-shaped read API.

-- Origins (scheme://host[:port]) that may frame a letter's embed pages (CSP frame-ancestors).
create table embed_site (
    letter_id bigint       not null references letter (id) on delete cascade,
    origin    varchar(300) not null check (origin ~ '^https?://[a-z0-9.-]+(:[0-9]{1,5})?$'),
    added_at  timestamptz  not null default now(),
    primary key (letter_id, origin)
);

-- A receiver of events, for one letter or (letter_id null) for all.
create sequence webhook_endpoint_seq;
create table webhook_endpoint (
    id                    bigint        primary key,
    letter_id             bigint        references letter (id) on delete cascade,
    url                   varchar(2000) not null,
    events                varchar(40)[] not null,
    -- HMAC key the receiver checks signatures with; after a rotation the previous one also
    -- signs until previous_secret_until, so receivers can switch without losing deliveries.
    secret                varchar(100)  not null,
    previous_secret       varchar(100),
    previous_secret_until timestamptz,
    -- Only trusted endpoints (an ADMIN's audited decision) receive contact details.
    trusted               boolean       not null default false,
    active                boolean       not null default true,
    created_at            timestamptz   not null,
    version               integer       not null default 0
);
create index webhook_endpoint_letter on webhook_endpoint (letter_id);

-- One event for one endpoint; claimed by a sender with FOR UPDATE SKIP LOCKED and a lease
-- (next_attempt_at pushed past the claim), retried with exponential backoff.
create sequence webhook_delivery_seq;
create table webhook_delivery (
    id              bigint       primary key default nextval('webhook_delivery_seq'),
    endpoint_id     bigint       not null references webhook_endpoint (id) on delete cascade,
    event           varchar(40)  not null,
    letter_id       bigint       not null,
    signature_id    bigint,
    state_after     varchar(20)  not null,
    occurred_at     timestamptz  not null,
    state           varchar(20)  not null default 'QUEUED' check (state in ('QUEUED', 'DELIVERED', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_status     integer,
    last_error      varchar(300),
    delivered_at    timestamptz
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'QUEUED';
create index webhook_delivery_endpoint on webhook_delivery (endpoint_id, id);

-- Events are written by the statement that changes the state, set-based, in its transaction:
-- nothing in the sign-on or confirmation code waits on webhooks, a bulk approval of 200 entries
-- writes its deliveries in one insert, and without an active endpoint the trigger stops at once.
create function webhook_signature_events() returns trigger
    language plpgsql as
$$
begin
    if not exists (select 1 from webhook_endpoint where active) then
        return null;
    end if;
    insert into webhook_delivery (endpoint_id, event, letter_id, signature_id, state_after, occurred_at)
    select e.id, ev.event, n.letter_id, n.id, n.state, now()
    from old_rows o
    join new_rows n on n.id = o.id and n.state <> o.state
    cross join lateral (values
        (case when o.state = 'UNCONFIRMED' and n.state in ('PENDING_REVIEW', 'APPROVED') then 'signature.confirmed' end),
        (case when n.state = 'APPROVED' then 'signature.approved' end),
        (case when n.state = 'WITHDRAWN' then 'signature.withdrawn' end)) as ev(event)
    join webhook_endpoint e on e.active and (e.letter_id is null or e.letter_id = n.letter_id)
                           and ev.event = any (e.events)
    where ev.event is not null
    order by n.id, ev.event;
    return null;
end
$$;
create trigger webhook_signature_events after update on signature
    referencing old table as old_rows new table as new_rows
    for each statement execute function webhook_signature_events();

create function webhook_letter_events() returns trigger
    language plpgsql as
$$
begin
    if not exists (select 1 from webhook_endpoint where active) then
        return null;
    end if;
    insert into webhook_delivery (endpoint_id, event, letter_id, state_after, occurred_at)
    select e.id, 'letter.state_changed', n.id, n.state, now()
    from old_rows o
    join new_rows n on n.id = o.id and n.state <> o.state
    join webhook_endpoint e on e.active and (e.letter_id is null or e.letter_id = n.id)
                           and 'letter.state_changed' = any (e.events);
    return null;
end
$$;
create trigger webhook_letter_events after update on letter
    referencing old table as old_rows new table as new_rows
    for each statement execute function webhook_letter_events();

-- A key for one integration (a CRM that polls). Only the SHA-256 is kept; the key is shown once.
create sequence api_key_seq;
create table api_key (
    id           bigint       primary key,
    name         varchar(200) not null,
    prefix       varchar(16)  not null,
    key_hash     varchar(64)  not null unique,
    created_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

-- The read API pages a letter's approved signatures by id (keyset): each page is an index range,
-- however deep. Partial, so sign-ons (UNCONFIRMED rows) never touch it.
create index signature_approved_by_id on signature (letter_id, id) where state = 'APPROVED';
