-- Issue 14: letters in several languages, and signers served in theirs.

-- The language the letter is written in (its canonical text, the one versions and digests cover).
alter table letter add column language varchar(35) not null default 'en';

-- An editor's translation of the letter's title, addressees and text: the working copy, one per
-- language. CURRENT translates the letter's current version; OUT_OF_DATE was made for an earlier
-- one and is not shown until an editor updates it.
create sequence letter_translation_seq increment by 50;
create table letter_translation (
    id                 bigint primary key,
    letter_id          bigint       not null references letter (id),
    language           varchar(35)  not null,
    state              varchar(20)  not null check (state in ('CURRENT', 'OUT_OF_DATE')),
    title              varchar(200) not null,
    addressees         varchar(300) not null,
    body_markdown      text         not null,
    revision           integer      not null check (revision > 0),
    translates_version integer,
    sha256             varchar(64)  not null check (sha256 ~ '^[0-9a-f]{64}$'),
    updated_at         timestamptz  not null,
    version            bigint       not null default 0,
    unique (letter_id, language)
);

-- Translations as published, frozen like letter_version: one row per revision shown to readers,
-- each with the letter version it translates and its own SHA-256.
create sequence letter_translation_version_seq increment by 50;
create table letter_translation_version (
    id            bigint primary key,
    letter_id     bigint       not null references letter (id),
    language      varchar(35)  not null,
    revision      integer      not null check (revision > 0),
    letter_version integer     not null check (letter_version > 0),
    title         varchar(200) not null,
    addressees    varchar(300) not null,
    body_markdown text         not null,
    sha256        varchar(64)  not null check (sha256 ~ '^[0-9a-f]{64}$'),
    published_at  timestamptz  not null,
    unique (letter_id, language, revision)
);

-- Translations of campaign updates (shown with the update; an update without one shows as written).
create table campaign_update_translation (
    update_id     bigint      not null references campaign_update (id) on delete cascade,
    language      varchar(35) not null,
    body_markdown text        not null,
    primary key (update_id, language)
);

-- What the signer saw: the language of the text and, with letter_version, the exact text (its
-- digest; both empty for entries that did not come through our pages, such as imports), and the
-- interface language they used, in which their emails are written.
alter table signature add column text_language varchar(35);
alter table signature add column text_sha256 varchar(64) check (text_sha256 ~ '^[0-9a-f]{64}$');
alter table signature add column language varchar(35) not null default 'en';

-- One stored PDF per letter and language of its text.
alter table letter_pdf add column language varchar(35) not null default 'en';
alter table letter_pdf drop constraint letter_pdf_pkey;
alter table letter_pdf add primary key (letter_id, language);
