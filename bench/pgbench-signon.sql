-- The sign-on transaction written by hand: the same two inserts (signature + outbox email), on the
-- same tables, indexes and triggers, with a similar outbox body. This is the ceiling the
-- application is compared with.
\set r random(1, 2000000000)
BEGIN;
INSERT INTO signature (id, letter_id, letter_version, kind, state, source, display_name, website, website_domain,
    city, region, country, org_type, sort_key, name_key, contact_name, contact_title, email, email_normalized,
    consent_public, consent_updates, confirm_token_hash, confirm_expires_at, created_at, updated_at, client_ip, version)
VALUES (nextval('signature_seq'), :letter, 1, 'ORGANIZATION', 'UNCONFIRMED', 'web', 'PgBench Org ' || :client_id || '-' || :r,
    'https://bench.example', 'bench.example', 'Oakland', 'CA', 'US', 'ADVOCACY', 'pgbench org ' || :client_id || '-' || :r,
    'pgbenchorg' || :client_id || :r, 'Bench Contact', 'Organizer', 'pgb-' || :client_id || '-' || :r || '@bench.invalid',
    'pgb-' || :client_id || '-' || :r || '@bench.invalid', true, false, md5(random()::text) || md5(random()::text),
    now() + interval '48 hours', now(), now(), '127.0.0.1'::inet, 0)
ON CONFLICT (letter_id, kind, email_normalized, name_key) WHERE state <> 'WITHDRAWN' DO NOTHING;
INSERT INTO outbox_email (id, kind, recipient, subject, body_text, created_at, next_attempt_at, attempts, signature_id)
VALUES (nextval('outbox_email_seq'), 'signing.confirm', 'pgb-' || :client_id || '-' || :r || '@bench.invalid',
    'Please confirm your signature: Bench sign-on letter',
    'Hello Bench Contact,' || chr(10) || chr(10) || 'Please confirm that you want to sign "Bench sign-on letter" on behalf of PgBench Org:'
    || chr(10) || chr(10) || 'http://localhost:8080/confirm/' || md5(random()::text) || md5(random()::text) || chr(10) || chr(10)
    || 'This link works once and until 23 November 2026, 12:00 UTC. After you confirm, the organizers review' || chr(10)
    || 'each signature before it appears on the letter.' || chr(10) || chr(10)
    || 'If you did not ask to sign, ignore this email: nothing will be published and your' || chr(10)
    || 'address will not be used for anything else.', now(), now(), 0, currval('signature_seq'));
END;
