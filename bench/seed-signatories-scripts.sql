-- Approved signatories for the every-script PDF benchmark (bench/pdf-scripts.sh): :n of them,
-- names cycling through the 26 scripts the letter PDF must print (issue 14), so about a third of
-- the names are shaped (Indic, Sinhala, Thai, Lao, Khmer, Myanmar) and every shipped font is used.
INSERT INTO signature (id, letter_id, letter_version, kind, state, source, display_name, affiliation, city, region,
    country, org_type, sort_key, name_key, contact_name, email, email_normalized, consent_public, confirm_token_hash,
    confirm_expires_at, confirmed_at, created_at, updated_at, decided_at, version)
SELECT nextval('signature_seq'), :letter, 1, 'ORGANIZATION', 'APPROVED', 'bench',
       n.name || ' ' || g, NULL, 'City ' || (g % 500), (ARRAY['CA', 'NY', 'TX', 'WA', 'IL', 'MI', 'TN'])[1 + g % 7], 'US',
       'ADVOCACY', lower(n.name) || lpad(g::text, 7, '0'), 'benchscript' || g, 'Bench Contact',
       'seed-' || :letter || '-' || g || '@bench.invalid', 'seed-' || :letter || '-' || g || '@bench.invalid', true,
       md5(random()::text) || md5(random()::text), now(), now(), now(), now(), now(), 0
FROM generate_series(1, :n) g
JOIN (SELECT row_number() OVER () - 1 AS i, name FROM unnest(ARRAY[
        'Ação Cidadã Łódź', 'Ένωση Πολιτών', 'Правозащитный центр', 'مركز الحقوق الرقمية', 'מרכז לזכויות האדם',
        '数字权利观察中心', '臺灣人權促進會', '日本の市民団体', '한국인권재단', 'मानवाधिकार संगठन क्षत्रिय',
        'মানবাধিকার সংস্থা', 'ਮਨੁੱਖੀ ਅਧਿਕਾਰ ਸੰਸਥਾ', 'માનવ અધિકાર સંસ્થા', 'மனித உரிமைகள் அமைப்பு', 'మానవ హక్కుల సంస్థ',
        'ಮಾನವ ಹಕ್ಕುಗಳ ಸಂಸ್ಥೆ', 'മനുഷ്യാവകാശ സംഘടന', 'මානව හිමිකම් සංවිධානය', 'มูลนิธิสิทธิมนุษยชน', 'ສູນສິດທິມະນຸດ',
        'សមាគមសិទ្ធិមនុស្ស', 'လူ့အခွင့်အရေး အဖွဲ့', 'ადამიანის უფლებები', 'Մարդու իրավունքներ', 'የሰብአዊ መብቶች ማዕከል',
        'Open Rights 🌍 ✊']) AS name) n ON n.i = g % 26;
