-- A letter that went viral, for the admin phase of the benchmark and for AdminAtScaleTest: :n
-- signatures on letter :letter in realistic states (half unconfirmed, a tenth waiting for review,
-- the rest approved), received over the last 30 days, oldest first. A fifth are chapters of one
-- national organization sharing its website (and, every 50th, its name); one in a hundred looked
-- automated, one in a hundred used a throwaway address, one in five is an individual.
INSERT INTO signature (id, letter_id, letter_version, kind, state, source, display_name, affiliation, website,
    website_domain, city, region, country, org_type, sort_key, name_key, contact_name, contact_title, email,
    email_normalized, consent_public, confirm_token_hash, confirm_expires_at, confirmed_at, created_at, updated_at,
    decided_at, version, client_ip, bot_signal, disposable_email)
SELECT nextval('signature_seq'), :letter, 1,
       CASE WHEN g % 5 = 0 THEN 'INDIVIDUAL' ELSE 'ORGANIZATION' END,
       CASE WHEN g / 3 % 10 = 0 THEN 'PENDING_REVIEW' WHEN g / 3 % 10 <= 5 THEN 'UNCONFIRMED' ELSE 'APPROVED' END,
       'bench',
       CASE WHEN g % 5 = 0 THEN 'Person ' || g
            WHEN g % 5 = 1 AND g % 50 = 1 THEN 'National Justice Network'
            WHEN g % 5 = 1 THEN 'National Justice Network, Chapter ' || g
            ELSE (ARRAY['Community Organization ', 'Coöperative Émile ', 'Tenant Union ', 'Bail Fund ',
                        'Food Bank ', 'Legal Aid Society '])[1 + g % 6] || g END,
       CASE WHEN g % 5 = 0 THEN 'University ' || (g % 40) ELSE NULL END,
       CASE WHEN g % 5 = 0 THEN NULL WHEN g % 5 = 1 THEN 'https://nationaljustice.org/chapter-' || g
            ELSE 'https://org' || g || '.example' END,
       CASE WHEN g % 5 = 0 THEN NULL WHEN g % 5 = 1 THEN 'nationaljustice.org' ELSE 'org' || g || '.example' END,
       'City ' || (g % 500), (ARRAY['CA', 'NY', 'TX', 'WA', 'IL', 'MI', 'TN'])[1 + g % 7], 'US',
       CASE WHEN g % 5 = 0 THEN NULL ELSE 'ADVOCACY' END,
       CASE WHEN g % 5 = 0 THEN 'person ' || lpad(g::text, 8, '0')
            WHEN g % 5 = 1 AND g % 50 = 1 THEN 'national justice network'
            WHEN g % 5 = 1 THEN 'national justice network chapter ' || lpad(g::text, 8, '0')
            ELSE lower((ARRAY['community organization ', 'cooperative emile ', 'tenant union ', 'bail fund ',
                              'food bank ', 'legal aid society '])[1 + g % 6]) || lpad(g::text, 8, '0') END,
       CASE WHEN g % 5 = 0 THEN ''
            WHEN g % 5 = 1 AND g % 50 = 1 THEN 'national justice network'
            WHEN g % 5 = 1 THEN 'national justice network chapter ' || g
            ELSE 'org ' || g END,
       'Contact ' || g, 'Director',
       CASE WHEN g % 100 = 7 THEN 'x' || g || '@mailinator.com'
            WHEN g % 5 = 1 THEN 'chapter' || g || '@nationaljustice.org' ELSE 'signer' || g || '@mail' || (g % 1000) || '.example' END,
       CASE WHEN g % 100 = 7 THEN 'x' || g || '@mailinator.com'
            WHEN g % 5 = 1 THEN 'chapter' || g || '@nationaljustice.org' ELSE 'signer' || g || '@mail' || (g % 1000) || '.example' END,
       true, md5(:letter || '-' || g) || md5(g || '-' || :letter), now() + interval '2 days',
       CASE WHEN g / 3 % 10 BETWEEN 1 AND 5 THEN NULL ELSE now() END,
       now() - ((:n - g) * (2592000.0 / :n)) * interval '1 second',
       now() - ((:n - g) * (2592000.0 / :n)) * interval '1 second',
       CASE WHEN g / 3 % 10 >= 6 THEN now() ELSE NULL END, 0,
       ('10.' || (g % 250) || '.' || (g / 250 % 250) || '.' || (g % 7))::inet,
       CASE WHEN g % 100 = 3 THEN 'TOO_FAST' ELSE NULL END,
       g % 100 = 7
FROM generate_series(1, :n) g;
