-- Approved signatories for a benchmark letter: :n of them, about one in five individuals, with
-- names in several scripts (so the PDF embeds Latin, Greek, Cyrillic, Arabic, Hebrew and CJK).
INSERT INTO signature (id, letter_id, letter_version, kind, state, source, display_name, affiliation, city, region,
    country, org_type, sort_key, name_key, contact_name, email, email_normalized, consent_public, confirm_token_hash,
    confirm_expires_at, confirmed_at, created_at, updated_at, decided_at, version)
SELECT nextval('signature_seq'), :letter, 1,
       CASE WHEN g % 5 = 0 THEN 'INDIVIDUAL' ELSE 'ORGANIZATION' END, 'APPROVED', 'bench',
       (ARRAY['Community Organization ', 'Coöperative Émile ', 'Ελληνική Ένωση ', 'Правозащитный центр ', 'مركز الحقوق ',
              'מרכז לזכויות ', '人权观察 ', '한국인권재단 ', 'Tenant Union ', 'Bail Fund '])[1 + g % 10] || g,
       CASE WHEN g % 5 = 0 THEN 'Professor, University ' || (g % 40) ELSE NULL END,
       'City ' || (g % 500), (ARRAY['CA', 'NY', 'TX', 'WA', 'IL', 'MI', 'TN'])[1 + g % 7], 'US',
       CASE WHEN g % 5 = 0 THEN NULL ELSE 'ADVOCACY' END,
       lower((ARRAY['community organization ', 'cooperative emile ', 'ελληνική ένωση ', 'правозащитный центр ', 'مركز الحقوق ',
              'מרכז לזכויות ', '人权观察 ', '한국인권재단 ', 'tenant union ', 'bail fund '])[1 + g % 10]) || lpad(g::text, 7, '0'),
       CASE WHEN g % 5 = 0 THEN '' ELSE 'benchorg' || g END, 'Bench Contact',
       'seed-' || :letter || '-' || g || '@bench.invalid', 'seed-' || :letter || '-' || g || '@bench.invalid', true,
       md5(random()::text) || md5(random()::text), now(), now(), now(), now(), now(), 0
FROM generate_series(1, :n) g;
