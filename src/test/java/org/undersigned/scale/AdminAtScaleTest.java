package org.undersigned.scale;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.audit.Actor;
import org.undersigned.letter.Letter;
import org.undersigned.letter.SignatureFacts;
import org.undersigned.press.AdminPress;
import org.undersigned.press.SignatoryExports;
import org.undersigned.press.StreamedExport;
import org.undersigned.signing.PublicSignatories;
import org.undersigned.signing.SignatureCounts;
import org.undersigned.support.Admins;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;
import org.undersigned.vetting.VettingQueue;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin side on a large letter (issue 11): a letter seeded with {@link #SIZE} signatures by
 * the benchmark's own seed (bench/seed-admin.sql; a fifth are chapters sharing one website).
 * Duplicate hints stay bounded, the queue pages by keyset, its queries are served by indexes, and
 * the exports stream: the first bytes are written before the last row is read.
 */
@QuarkusTest
class AdminAtScaleTest {

    static final int SIZE = 30_000;
    private static Long letterId;

    /** The export's progress is read where operators read it: the undersigned.export.rows meter. */
    @Inject
    MeterRegistry registry;

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    DataSource dataSource;

    @Inject
    AdminPress adminPress;

    @Inject
    PublicSignatories signatories;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Inject
    SignatureFacts facts;

    @Inject
    SignatureCounts counts;

    @BeforeEach
    void seedOnce() throws Exception {
        if (letterId != null) {
            return;
        }
        Letter letter = data.open(LetterOptions.everyone());
        String seed = Files.readString(Path.of("bench/seed-admin.sql"))
                .replace(":letter", String.valueOf(letter.id)).replace(":n", String.valueOf(SIZE));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(seed);
            st.execute("analyze signature");
        }
        letterId = letter.id;
    }

    @Test
    void duplicateHintsAreBoundedAndLinkToTheRest() {
        // Oldest pending entries: every other one is a chapter sharing nationaljustice.org with 6,000 others.
        JsonPath page = admins.api(Role.VETTER).get("/api/admin/letters/" + letterId + "/signatures")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = page.getList("rows");
        assertEquals(VettingQueue.PAGE_SIZE, rows.size());
        boolean sawChapter = false;
        for (Map<String, Object> row : rows) {
            List<?> hints = (List<?>) row.get("duplicates");
            assertTrue(hints.size() <= VettingQueue.DUPLICATE_HINTS, "a few closest matches only: " + hints.size());
            if (String.valueOf(row.get("website")).contains("nationaljustice.org")) {
                sawChapter = true;
                assertEquals(VettingQueue.DUPLICATE_HINTS, hints.size());
                assertTrue((Boolean) row.get("moreDuplicates"), "the count says 'more than': " + row);
                assertTrue(((Number) row.get("duplicateCount")).intValue() <= 3 * (VettingQueue.DUPLICATE_CAP + 1));
            }
        }
        assertTrue(sawChapter);
        long chapter = rows.stream().filter(r -> String.valueOf(r.get("website")).contains("nationaljustice.org"))
                .map(r -> ((Number) r.get("id")).longValue()).findFirst().orElseThrow();
        // The link to the rest: every possible duplicate of one entry, paged like the queue.
        JsonPath all = admins.api(Role.VETTER).queryParam("duplicatesOf", chapter)
                .get("/api/admin/letters/" + letterId + "/signatures").then().statusCode(200).extract().jsonPath();
        assertEquals(VettingQueue.PAGE_SIZE, all.getList("rows").size());
        assertTrue(all.getBoolean("totalCapped"), "6,000 chapters share the website: more than the cap");
        assertEquals(VettingQueue.COUNT_CAP, all.getLong("total"));
        assertNotNull(all.getString("next"));
        String html = admins.session(Role.VETTER).browser().get("/admin/letters/" + letterId + "/queue")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("?duplicatesOf=" + chapter), "the page links to the rest");
    }

    @Test
    void theQueuePagesByKeysetForwardAndBack() {
        Set<Long> seen = new HashSet<>();
        String after = null;
        List<String> cursors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var request = admins.api(Role.VETTER).queryParam("state", "ALL");
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath p = request.get("/api/admin/letters/" + letterId + "/signatures").then().statusCode(200)
                    .extract().jsonPath();
            assertTrue(p.getBoolean("totalCapped"), "the total is counted only up to the cap");
            assertEquals(VettingQueue.COUNT_CAP, p.getLong("total"));
            List<Long> ids = p.getList("rows.id", Long.class);
            assertEquals(VettingQueue.PAGE_SIZE, ids.size());
            for (Long id : ids) {
                assertTrue(seen.add(id), "no row twice across pages");
            }
            if (i == 0) {
                assertNull(p.getString("previous"));
            } else {
                assertNotNull(p.getString("previous"));
            }
            cursors.add(after);
            after = p.getString("next");
        }
        // Back from page 4 to page 3: the rows page 3 showed.
        JsonPath p4 = admins.api(Role.VETTER).queryParam("state", "ALL").queryParam("after", cursors.get(3))
                .get("/api/admin/letters/" + letterId + "/signatures").then().extract().jsonPath();
        JsonPath p3 = admins.api(Role.VETTER).queryParam("state", "ALL").queryParam("after", cursors.get(2))
                .get("/api/admin/letters/" + letterId + "/signatures").then().extract().jsonPath();
        JsonPath back = admins.api(Role.VETTER).queryParam("state", "ALL").queryParam("before", p4.getString("previous"))
                .get("/api/admin/letters/" + letterId + "/signatures").then().extract().jsonPath();
        assertEquals(p3.getList("rows.id", Long.class), back.getList("rows.id", Long.class));
        // Search: one chapter by its number, through the trigram index.
        admins.api(Role.VETTER).queryParam("state", "ALL").queryParam("q", "chapter 00012341")
                .get("/api/admin/letters/" + letterId + "/signatures").then().statusCode(200)
                .body("rows.name", org.hamcrest.Matchers.contains("National Justice Network, Chapter 12341"));
        admins.api(Role.VETTER).queryParam("state", "ALL").queryParam("q", "signer12342@")
                .get("/api/admin/letters/" + letterId + "/signatures").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1));
    }

    /**
     * The vetting queries as the queue runs them (shapes copied from VettingQueue), planned with
     * the default settings on the seeded table: none reads the signature table from end to end.
     * Text search is the exception on a table this small (reading 30,000 rows costs the planner
     * less than four trigram lookups), so it is planned with {@code enable_seqscan = off} to show
     * that the trigram index can serve it; at a million rows the planner picks the index on its
     * own (EXPLAIN ANALYZE in docs/benchmarks.md).
     */
    @Test
    void theQueueQueriesAreServedByIndexes() throws Exception {
        String letter = String.valueOf(letterId);
        Map<String, String> queries = new java.util.HashMap<>(Map.of(
                "pending, first page", "select s.id from signature s where s.letter_id = " + letter
                        + " and s.state = 'PENDING_REVIEW' order by s.created_at, s.id limit 51",
                "unconfirmed, deep page", "select s.id from signature s where s.letter_id = " + letter
                        + " and s.state = 'UNCONFIRMED' and (s.created_at, s.id) > (now() - interval '3 days', 0)"
                        + " order by s.created_at, s.id limit 51",
                "all states, deep page", "select s.id from signature s where s.letter_id = " + letter
                        + " and (s.created_at, s.id) > (now() - interval '2 days', 0) order by s.created_at, s.id limit 51",
                "capped total", "select count(*) from (select 1 from signature s where s.letter_id = " + letter
                        + " and s.state = 'UNCONFIRMED' order by s.created_at, s.id limit 1001) c",
                "search", "select s.id from signature s where s.letter_id = " + letter + " and (s.sort_key like '%chapter 0001234%'"
                        + " or s.email_normalized like '%chapter 0001234%' or s.website_domain like '%chapter 0001234%'"
                        + " or lower(s.contact_name) like '%chapter 0001234%') order by s.created_at, s.id limit 51",
                "search by email", "select s.id from signature s where s.letter_id = " + letter + " and s.state = 'PENDING_REVIEW'"
                        + " and (s.sort_key like '%signer1234%' or s.email_normalized like '%signer1234%'"
                        + " or s.website_domain like '%signer1234%' or lower(s.contact_name) like '%signer1234%')"
                        + " order by s.created_at, s.id limit 51",
                "suspected bots", "select s.id from signature s where s.letter_id = " + letter
                        + " and s.bot_signal is not null order by s.created_at, s.id limit 51",
                "duplicate hints of a page", """
                        select s.id, c.id from signature s cross join lateral (
                            (select m.id from signature m where m.letter_id = s.letter_id
                                and m.email_normalized = s.email_normalized and m.id <> s.id and m.state <> 'WITHDRAWN' limit 21)
                            union
                            (select m.id from signature m where s.kind = 'ORGANIZATION' and m.letter_id = s.letter_id
                                and m.name_key = s.name_key and m.kind = 'ORGANIZATION' and m.id <> s.id and m.state <> 'WITHDRAWN' limit 21)
                            union
                            (select m.id from signature m where s.website_domain is not null and m.letter_id = s.letter_id
                                and m.website_domain = s.website_domain and m.id <> s.id and m.state <> 'WITHDRAWN' limit 21)
                        ) c where s.id in (select id from signature where letter_id = %s and state = 'PENDING_REVIEW'
                            order by created_at, id limit 50)""".formatted(letter),
                // As the export runs it: keyset batches of RowCursor.BATCH rows.
                "contact export", "select id from signature where letter_id = " + letter
                        + " and (created_at, id) > (now() - interval '2 days', 0) order by created_at, id limit 2000"));
        // The public list pages by position (PublicSignatories#search): deep pages cost what the first costs.
        queries.put("public list, deep page", "select id from signature where letter_id = " + letter
                + " and state = 'APPROVED' and kind = 'ORGANIZATION' and (sort_key, id) > ('m', 0) order by sort_key, id limit 101");
        queries.put("public list, previous page", "select id from signature where letter_id = " + letter
                + " and state = 'APPROVED' and kind = 'INDIVIDUAL' and (sort_key, id) < ('m', 0)"
                + " order by sort_key desc, id desc limit 101");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("vacuum analyze signature"); // as autovacuum would: index-only scans need the visibility map
            for (var q : queries.entrySet()) {
                StringBuilder plan = new StringBuilder();
                boolean search = q.getKey().startsWith("search");
                st.execute("set enable_seqscan = " + (search ? "off" : "on"));
                try (ResultSet rs = st.executeQuery("explain " + q.getValue())) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertFalse(plan.toString().contains("Seq Scan on signature"), q.getKey() + ":\n" + plan);
                assertTrue(plan.toString().contains("Index"), q.getKey() + ":\n" + plan);
                if (q.getKey().startsWith("public list")) {
                    assertTrue(plan.toString().contains("signature_public_list") && !plan.toString().contains("Sort"),
                            q.getKey() + " reads the list index in order, no sort:\n" + plan);
                }
                if (search) {
                    assertTrue(plan.toString().contains("signature_search"), q.getKey() + " uses the trigram index:\n" + plan);
                }
            }
            st.execute("reset enable_seqscan");
        }
    }

    @Test
    void theStatisticsAreMaintainedIncrementallyAndExact() {
        Map<String, Long> before = facts.countsByState(letterId);
        assertEquals(exactCounts(), nonZero(before));
        // A bulk change in one statement, a fold, another change not folded yet: still exact.
        data.execute("update signature set state = 'REJECTED' where letter_id = ?1 and state = 'UNCONFIRMED'"
                + " and id in (select id from signature where letter_id = ?1 order by id limit 500)", letterId);
        assertEquals(exactCounts(), nonZero(facts.countsByState(letterId)));
        counts.fold();
        assertEquals(0, data.countRows("signature_count_delta", "letter_id = ?1", letterId));
        data.execute("update signature set state = 'UNCONFIRMED' where letter_id = ?1 and state = 'REJECTED'", letterId);
        assertEquals(nonZero(before), nonZero(facts.countsByState(letterId)));
        long perDay = facts.signOnsPerDay(letterId, 31).stream().mapToLong(SignatureFacts.DayCount::count).sum();
        assertEquals(SIZE, perDay, "every sign-on of the last 30 days");
        long byRegion = facts.approvedByRegion(letterId, 50).stream().mapToLong(SignatureFacts.RegionCount::count).sum();
        assertEquals(data.countRows("signature", "letter_id = ?1 and state = 'APPROVED'", letterId), byRegion);
        assertEquals(0, facts.liveOnEarlierVersion(letterId, 1));
    }

    private Map<String, Long> exactCounts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (String state : List.of("UNCONFIRMED", "PENDING_REVIEW", "APPROVED", "REJECTED", "DUPLICATE", "WITHDRAWN", "INVALIDATED")) {
            long n = data.countRows("signature", "letter_id = ?1 and state = ?2", letterId, state);
            if (n > 0) {
                out.put(state, n);
            }
        }
        return out;
    }

    private static Map<String, Long> nonZero(Map<String, Long> counts) {
        Map<String, Long> out = new java.util.TreeMap<>();
        counts.forEach((k, v) -> {
            if (v != 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void theContactExportStreams() throws IOException {
        StreamedExport export = adminPress.contactsCsv(Actor.SYSTEM, letterId);
        FirstWrite out = new FirstWrite(registry);
        export.write(out);
        assertTrue(out.rowsReadAtFirstWrite > 0 && out.rowsReadAtFirstWrite < SIZE / 4,
                "the first bytes left after " + out.rowsReadAtFirstWrite + " of " + SIZE + " rows");
        assertEquals(SIZE, out.rowsRead());
        String csv = out.bytes.toString(StandardCharsets.UTF_8);
        assertEquals(SIZE + 1, csv.lines().count(), "a header and every row");
        assertTrue(csv.startsWith("\uFEFFid,state,type,name"));
    }

    @Test
    void thePublicExportsStream() throws IOException {
        long approved = data.countRows("signature", "letter_id = ?1 and state = 'APPROVED'", letterId);
        StreamedExport csvExport = SignatoryExports.csv(signatories, letterId);
        FirstWrite csvOut = new FirstWrite(registry);
        csvExport.write(csvOut);
        assertTrue(csvOut.rowsReadAtFirstWrite < approved / 4, "CSV first bytes after " + csvOut.rowsReadAtFirstWrite);
        assertEquals(approved + 1, csvOut.bytes.toString(StandardCharsets.UTF_8).lines().count());

        StreamedExport jsonExport = SignatoryExports.json(signatories, mapper, letterId, "slug", "Title");
        FirstWrite jsonOut = new FirstWrite(registry);
        jsonExport.write(jsonOut);
        assertTrue(jsonOut.rowsReadAtFirstWrite < approved / 4, "JSON first bytes after " + jsonOut.rowsReadAtFirstWrite);
        var json = mapper.readTree(jsonOut.bytes.toByteArray());
        assertEquals(approved, json.get("signatories").size());
        assertEquals(approved, json.get("organizations").asLong() + json.get("individuals").asLong());

        // Over HTTP: chunked, no length known up front, every row there.
        var response = io.restassured.RestAssured.given().get("/letters/" + data.letter(letterId).slug + "/signatories.csv");
        response.then().statusCode(200);
        assertNull(response.header("Content-Length"));
        assertEquals(approved + 1, response.asString().lines().count());
    }

    /**
     * Records how many rows the export had read when its first byte was written, from the rows
     * meter (tests run one at a time, so what it gained since this stream was made is this export's).
     */
    static final class FirstWrite extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final MeterRegistry registry;
        final double rowsBefore;
        long rowsReadAtFirstWrite = -1;

        FirstWrite(MeterRegistry registry) {
            this.registry = registry;
            this.rowsBefore = meter();
        }

        private double meter() {
            var counter = registry.find("undersigned.export.rows").counter();
            return counter == null ? 0 : counter.count();
        }

        long rowsRead() {
            return Math.round(meter() - rowsBefore);
        }

        @Override
        public void write(int b) {
            first();
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            first();
            bytes.write(b, off, len);
        }

        private void first() {
            if (rowsReadAtFirstWrite < 0) {
                rowsReadAtFirstWrite = rowsRead();
            }
        }
    }
}
