-- Letters, their frozen text versions and campaign updates; signatures; the email outbox.
-- Hibernate validates against this schema and never changes it.

create sequence letter_seq increment by 50;
create sequence letter_version_seq increment by 50;
create sequence campaign_update_seq increment by 50;
create sequence signature_seq increment by 50;
create sequence outbox_email_seq increment by 50;

create table letter (
    id                       bigint primary key,
    slug                     varchar(80)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    state                    varchar(16)  not null check (state in ('DRAFT', 'OPEN', 'CLOSED', 'DELIVERED', 'ARCHIVED')),
    title                    varchar(200) not null,
    addressees               varchar(300) not null,
    body_markdown            text         not null,
    coalition_name           varchar(200) not null,
    -- The coalition's public press contact (an address or a web page), shown on the letter.
    coalition_contact        varchar(300) not null,
    sign_deadline            timestamptz,
    organizations_may_sign   boolean      not null default true,
    individuals_may_sign     boolean      not null default false,
    auto_approve_individuals boolean      not null default false,
    current_version          integer,
    text_changed_at          timestamptz,
    opened_at                timestamptz,
    closed_at                timestamptz,
    delivered_at             timestamptz,
    delivered_to             varchar(300),
    delivered_how            varchar(300),
    archived_at              timestamptz,
    created_at               timestamptz  not null,
    updated_at               timestamptz  not null,
    version                  bigint       not null default 0,
    check (organizations_may_sign or individuals_may_sign),
    check (state = 'DRAFT' or current_version is not null)
);

create index letter_open_deadline on letter (sign_deadline) where state = 'OPEN';

-- Publishing freezes the text; every signature points at the version it saw.
create table letter_version (
    id            bigint primary key,
    letter_id     bigint       not null references letter (id),
    number        integer      not null check (number > 0),
    title         varchar(200) not null,
    addressees    varchar(300) not null,
    body_markdown text         not null,
    sha256        varchar(64)  not null check (sha256 ~ '^[0-9a-f]{64}$'),
    published_at  timestamptz  not null,
    unique (letter_id, number)
);

create table campaign_update (
    id            bigint primary key,
    letter_id     bigint      not null references letter (id),
    posted_on     date        not null,
    body_markdown text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

create index campaign_update_letter on campaign_update (letter_id, posted_on desc);

create table signature (
    id                 bigint primary key,
    letter_id          bigint       not null references letter (id),
    letter_version     integer      not null,
    kind               varchar(16)  not null check (kind in ('ORGANIZATION', 'INDIVIDUAL')),
    state              varchar(20)  not null check (state in ('UNCONFIRMED', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    source             varchar(16)  not null default 'web',

    -- Public: what the letter shows once the entry is approved.
    display_name       varchar(200) not null,
    affiliation        varchar(200),
    website            varchar(300),
    city               varchar(100),
    region             varchar(100),
    country            varchar(2),
    org_type           varchar(32),
    -- Derived keys: sort order on the page, and duplicate detection.
    sort_key           varchar(200) collate "C" not null,
    name_key           varchar(200) not null,

    -- Private: never shown on a public page or in a public export.
    contact_name       varchar(200),
    contact_title      varchar(200),
    email              varchar(254) not null,
    email_normalized   varchar(254) not null,
    phone              varchar(40),
    consent_public     boolean      not null,
    consent_updates    boolean      not null default false,

    -- Magic links: only SHA-256 hashes of the tokens are stored.
    confirm_token_hash varchar(64)  not null unique,
    confirm_expires_at timestamptz  not null,
    confirmed_at       timestamptz,
    manage_token_hash  varchar(64) unique,
    manage_expires_at  timestamptz,

    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    decided_at         timestamptz,
    withdrawn_at       timestamptz,
    version            bigint       not null default 0,
    foreign key (letter_id, letter_version) references letter_version (letter_id, number)
);

-- One live entry per (letter, kind, email, organization): a second sign-on finds the first.
create unique index signature_one_per_signer on signature (letter_id, kind, email_normalized, name_key)
    where state <> 'WITHDRAWN';
-- The public list: approved entries of a letter in reading order.
create index signature_public_list on signature (letter_id, kind, sort_key) where state = 'APPROVED';
create index signature_letter_state on signature (letter_id, state);

-- Every email is written here in the same transaction as the change that causes it, then sent
-- by a scheduled job. Bodies are removed once delivered: links in them carry live tokens.
create table outbox_email (
    id              bigint primary key,
    kind            varchar(40)  not null,
    recipient       varchar(254),
    subject         varchar(300) not null,
    body_text       text,
    body_html       text,
    created_at      timestamptz  not null,
    next_attempt_at timestamptz  not null,
    attempts        integer      not null default 0,
    last_error      varchar(500),
    sent_at         timestamptz,
    failed_at       timestamptz
);

create index outbox_email_due on outbox_email (next_attempt_at) where sent_at is null and failed_at is null;
