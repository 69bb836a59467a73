-- The admin side at a million signatures per letter (issue 11): every queue view pages by keyset
-- over an index, and text search uses trigrams instead of reading the whole letter.

-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it, no superuser.
create extension if not exists pg_trgm;

-- The queue over every state ("All"), oldest first, and the contact export: keyset paging on
-- (created_at, id) within a letter. The per-state views use signature_queue (letter_id, state,
-- created_at, id). Also serves the dashboard's sign-ons per day as an index-only range count.
create index signature_letter_created on signature (letter_id, created_at, id);

-- Queue search over names (sort key: lower case, accents folded), email addresses, website
-- domains and contact names: one multi-column trigram index, so "%term%" is an index lookup.
create index signature_search on signature using gin (
    sort_key gin_trgm_ops, email_normalized gin_trgm_ops, website_domain gin_trgm_ops, (lower(contact_name)) gin_trgm_ops);

-- The queue's rare flags: partial indexes hold only flagged entries, so they cost a sign-on
-- nothing unless it is flagged, and a flagged view never walks the whole letter.
create index signature_suspected_bot on signature (letter_id, created_at, id) where bot_signal is not null;
create index signature_disposable_email on signature (letter_id, created_at, id) where disposable_email;

-- The public list in reading order with its tie-breaker, so the streamed exports' keyset batches
-- ((sort_key, id) > last) and the list pages read it in index order without sorting.
drop index signature_public_list;
create index signature_public_list on signature (letter_id, kind, sort_key, id) where state = 'APPROVED';
