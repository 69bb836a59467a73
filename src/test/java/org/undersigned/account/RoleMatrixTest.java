package org.undersigned.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.signing.Signature;
import org.undersigned.support.Admins;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every admin endpoint, called anonymously and as each role: 401 without credentials, 403 for a
 * role that may not, and success for one that may. Each call gets fresh data, so a permitted
 * call succeeds on its own merits.
 */
@QuarkusTest
class RoleMatrixTest {

    /** Every role that works on letters; partner staff see only their own partner's page (issue 13). */
    private static final Set<Role> ALL = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.VETTER);
    private static final Set<Role> PARTNERS = EnumSet.of(Role.PARTNER);
    private static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.EDITOR);
    private static final Set<Role> VETTERS = EnumSet.of(Role.ADMIN, Role.VETTER);
    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);
    /** A POST of a multipart form (forms with a file field), as the browser sends it. */
    private static final String MULTIPART = "MULTIPART";

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    LetterService letters;

    @Inject
    org.undersigned.letter.Coalitions coalitions;

    /** The data one call works on. */
    record Fixture(long openLetter, long draft, long closedLetter, long update, long pendingSignature,
                   long pendingVersion, long accountId, long accountVersion, long partner) {
    }

    record Endpoint(String method, Function<Fixture, String> path, Function<Fixture, Object> body, Set<Role> allowed) {
    }

    private List<Endpoint> apiEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET", f -> "/api/admin/me", f -> null, ALL));
        e.add(new Endpoint("GET", f -> "/api/admin/letters", f -> null, ALL));
        e.add(new Endpoint("GET", f -> "/api/admin/letters/" + f.openLetter(), f -> null, ALL));
        e.add(new Endpoint("POST", f -> "/api/admin/letters", f -> Map.of("slug", TestData.uniqueSlug("m"), "title", "T",
                "addressees", "A", "bodyMarkdown", "B", "coalitionName", "C", "coalitionContact", "c@example.org"), EDITORS));
        e.add(new Endpoint("PUT", f -> "/api/admin/letters/" + f.draft(), f -> Map.of("slug", TestData.uniqueSlug("m"),
                "title", "T2", "addressees", "A", "bodyMarkdown", "B", "coalitionName", "C",
                "coalitionContact", "c@example.org", "version", data.letter(f.draft()).version), EDITORS));
        e.add(new Endpoint("POST", f -> "/api/admin/letters/" + f.draft() + "/publish", f -> null, EDITORS));
        e.add(new Endpoint("POST", f -> "/api/admin/letters/" + f.openLetter() + "/close", f -> null, EDITORS));
        e.add(new Endpoint("POST", f -> "/api/admin/letters/" + f.closedLetter() + "/reopen", f -> Map.of(), EDITORS));
        e.add(new Endpoint("POST", f -> "/api/admin/letters/" + f.closedLetter() + "/deliver",
                f -> Map.of("deliveredOn", LocalDate.now().toString(), "deliveredTo", "Amazon"), EDITORS));
        e.add(new Endpoint("POST", f -> "/api/admin/letters/" + f.closedLetter() + "/archive", f -> null, EDITORS));
        e.add(new Endpoint("GET", f -> "/api/admin/letters/" + f.openLetter() + "/updates", f -> null, ALL));
        e.add(new Endpoint("POST", f -> "/api/admin/letters/" + f.openLetter() + "/updates",
                f -> Map.of("postedOn", "2021-05-18", "markdown", "Victory"), EDITORS));
        e.add(new Endpoint("PUT", f -> "/api/admin/letters/" + f.openLetter() + "/updates/" + f.update(),
                f -> Map.of("postedOn", "2021-05-19", "markdown", "Edited"), EDITORS));
        e.add(new Endpoint("DELETE", f -> "/api/admin/letters/" + f.openLetter() + "/updates/" + f.update(), f -> null, EDITORS));
        e.add(new Endpoint("POST", f -> "/api/admin/letters/" + f.openLetter() + "/reconsent",
                f -> Map.of("summary", "x"), EDITORS)); // 422 for allowed roles: nothing changed yet
        e.add(new Endpoint("GET", f -> "/api/admin/letters/" + f.openLetter() + "/stats", f -> null, ALL));
        e.add(new Endpoint("GET", f -> "/api/admin/letters/" + f.openLetter() + "/audit", f -> null, ALL));
        e.add(new Endpoint("GET", f -> "/api/admin/letters/" + f.openLetter() + "/access", f -> null, ADMINS));
        e.add(new Endpoint("PUT", f -> "/api/admin/letters/" + f.openLetter() + "/access", f -> Map.of(), ADMINS));
        e.add(new Endpoint("GET", f -> "/api/admin/letters/" + f.openLetter() + "/signatures", f -> null, VETTERS));
        e.add(new Endpoint("GET", f -> "/api/admin/signatures/" + f.pendingSignature(), f -> null, VETTERS));
        e.add(new Endpoint("POST", f -> "/api/admin/signatures/" + f.pendingSignature() + "/approve",
                f -> Map.of("version", f.pendingVersion()), VETTERS));
        e.add(new Endpoint("POST", f -> "/api/admin/signatures/" + f.pendingSignature() + "/reject",
                f -> Map.of("version", f.pendingVersion(), "reason", "No"), VETTERS));
        e.add(new Endpoint("POST", f -> "/api/admin/signatures/" + f.pendingSignature() + "/duplicate",
                f -> Map.of("version", f.pendingVersion(), "original", f.pendingSignature() + 1_000_000), VETTERS));
        e.add(new Endpoint("POST", f -> "/api/admin/letters/" + f.openLetter() + "/signatures/approve",
                f -> Map.of("selections", List.of(Map.of("id", f.pendingSignature(), "version", f.pendingVersion()))), VETTERS));
        e.add(new Endpoint("GET", f -> "/api/admin/accounts", f -> null, ADMINS));
        e.add(new Endpoint("POST", f -> "/api/admin/accounts",
                f -> Map.of("email", TestData.uniqueEmail("inv"), "name", "Invitee", "role", "VETTER"), ADMINS));
        e.add(new Endpoint("PUT", f -> "/api/admin/accounts/" + f.accountId(),
                f -> Map.of("role", "EDITOR", "active", true, "version", f.accountVersion()), ADMINS));
        e.add(new Endpoint("GET", f -> "/api/admin/accounts/" + f.accountId() + "/audit", f -> null, ADMINS));
        // Reach (issue 13): embed sites, webhooks, API keys. (The receiver address refuses connections.)
        e.add(new Endpoint("GET", f -> "/api/admin/letters/" + f.openLetter() + "/embed", f -> null, EDITORS));
        e.add(new Endpoint("POST", f -> "/api/admin/letters/" + f.openLetter() + "/embed/sites",
                f -> Map.of("origin", "https://partner.example"), EDITORS));
        e.add(new Endpoint("GET", f -> "/api/admin/webhooks", f -> null, ADMINS));
        e.add(new Endpoint("POST", f -> "/api/admin/webhooks", f -> Map.of("letterId", f.openLetter(),
                "url", "https://127.0.0.1:9/hook", "events", List.of("signature.approved")), ADMINS));
        e.add(new Endpoint("GET", f -> "/api/admin/api-keys", f -> null, ADMINS));
        e.add(new Endpoint("POST", f -> "/api/admin/api-keys", f -> Map.of("name", "Matrix CRM"), ADMINS));
        return e;
    }

    private List<Endpoint> pageEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET", f -> "/admin", f -> null, ALL));
        e.add(new Endpoint("GET", f -> "/admin/letters/new", f -> null, EDITORS));
        e.add(new Endpoint("GET", f -> "/admin/letters/" + f.openLetter(), f -> null, ALL));
        e.add(new Endpoint("GET", f -> "/admin/letters/" + f.openLetter() + "/edit", f -> null, EDITORS));
        e.add(new Endpoint("GET", f -> "/admin/letters/" + f.openLetter() + "/updates", f -> null, EDITORS));
        e.add(new Endpoint("GET", f -> "/admin/letters/" + f.openLetter() + "/audit", f -> null, ALL));
        e.add(new Endpoint("GET", f -> "/admin/letters/" + f.openLetter() + "/access", f -> null, ADMINS));
        e.add(new Endpoint("GET", f -> "/admin/letters/" + f.openLetter() + "/queue", f -> null, VETTERS));
        e.add(new Endpoint("GET", f -> "/admin/signatures/" + f.pendingSignature(), f -> null, VETTERS));
        e.add(new Endpoint("GET", f -> "/admin/accounts", f -> null, ADMINS));
        e.add(new Endpoint("POST", f -> "/admin/letters/" + f.openLetter() + "/close", f -> Map.of(), EDITORS));
        e.add(new Endpoint("POST", f -> "/admin/letters/" + f.draft() + "/publish", f -> Map.of(), EDITORS));
        e.add(new Endpoint("POST", f -> "/admin/letters/" + f.openLetter() + "/updates",
                f -> Map.of("postedOn", "2021-05-18", "markdown", "Victory"), EDITORS));
        e.add(new Endpoint("POST", f -> "/admin/signatures/" + f.pendingSignature() + "/approve",
                f -> Map.of("version", f.pendingVersion()), VETTERS));
        e.add(new Endpoint("POST", f -> "/admin/accounts",
                f -> Map.of("email", TestData.uniqueEmail("inv"), "name", "Invitee", "role", "VETTER"), ADMINS));
        // Coalitions (issue 13): partners, categories, lead signers, logos, and the partner staff's own page.
        e.add(new Endpoint("GET", f -> "/admin/letters/" + f.openLetter() + "/partners", f -> null, ALL));
        e.add(new Endpoint("GET", f -> "/admin/letters/" + f.openLetter() + "/partners/" + f.partner() + "/contacts.csv",
                f -> null, ADMINS));
        e.add(new Endpoint("POST", f -> "/admin/letters/" + f.openLetter() + "/partners/" + f.partner() + "/staff",
                f -> Map.of("email", TestData.uniqueEmail("staff"), "name", "Partner Staff"), ADMINS));
        e.add(new Endpoint("GET", f -> "/admin/letters/" + f.openLetter() + "/categories", f -> null, EDITORS));
        e.add(new Endpoint("POST", f -> "/admin/letters/" + f.openLetter() + "/categories", f -> Map.of("name", "National"), EDITORS));
        e.add(new Endpoint("GET", f -> "/admin/letters/" + f.openLetter() + "/leads", f -> null, EDITORS));
        e.add(new Endpoint("POST", f -> "/admin/signatures/" + f.pendingSignature() + "/lead/remove", f -> Map.of(), EDITORS));
        e.add(new Endpoint("GET", f -> "/admin/letters/" + f.openLetter() + "/logos", f -> null, VETTERS));
        // Issue 13 admin pages: editing, removing and ordering partners, ordering categories; webhooks; API keys.
        e.add(new Endpoint("GET", f -> "/admin/letters/" + f.openLetter() + "/partners/" + f.partner(), f -> null, EDITORS));
        e.add(new Endpoint(MULTIPART, f -> "/admin/letters/" + f.openLetter() + "/partners/" + f.partner(),
                f -> Map.of("name", "Matrix Partner Renamed", "website", "matrix.example"), EDITORS));
        e.add(new Endpoint("POST", f -> "/admin/letters/" + f.openLetter() + "/partners/" + f.partner() + "/move",
                f -> Map.of("direction", "up"), EDITORS));
        e.add(new Endpoint("POST", f -> "/admin/letters/" + f.openLetter() + "/partners/" + f.partner() + "/remove",
                f -> Map.of(), EDITORS));
        e.add(new Endpoint("POST", f -> "/admin/letters/" + f.openLetter() + "/partners/" + retiredPartner(f)
                + "/reinstate", f -> Map.of(), EDITORS));
        e.add(new Endpoint("POST", f -> "/admin/letters/" + f.openLetter() + "/categories/" + category(f) + "/move",
                f -> Map.of("direction", "down"), EDITORS));
        e.add(new Endpoint("GET", f -> "/admin/webhooks", f -> null, ADMINS));
        e.add(new Endpoint("GET", f -> "/admin/webhooks?letter=" + f.openLetter(), f -> null, ADMINS));
        e.add(new Endpoint("POST", f -> "/admin/webhooks", f -> Map.of("letterId", f.openLetter(),
                "url", "https://127.0.0.1:9/hook", "events", "signature.approved"), ADMINS));
        e.add(new Endpoint("GET", f -> "/admin/webhooks/" + webhook(f), f -> null, ADMINS));
        e.add(new Endpoint("POST", f -> "/admin/webhooks/" + webhook(f) + "/events",
                f -> Map.of("events", "signature.confirmed"), ADMINS));
        e.add(new Endpoint("POST", f -> "/admin/webhooks/" + webhook(f) + "/trusted",
                f -> Map.of("trusted", "yes"), ADMINS));
        e.add(new Endpoint("POST", f -> "/admin/webhooks/" + webhook(f) + "/rotate-secret", f -> Map.of(), ADMINS));
        e.add(new Endpoint("POST", f -> "/admin/webhooks/" + webhook(f) + "/deactivate", f -> Map.of(), ADMINS));
        e.add(new Endpoint("POST", f -> failedDelivery(f) + "/redeliver", f -> Map.of(), ADMINS));
        e.add(new Endpoint("GET", f -> "/admin/api-keys", f -> null, ADMINS));
        e.add(new Endpoint("POST", f -> "/admin/api-keys", f -> Map.of("name", "Matrix CRM page"), ADMINS));
        e.add(new Endpoint("POST", f -> "/admin/api-keys/" + apiKey(f) + "/revoke", f -> Map.of(), ADMINS));
        e.add(new Endpoint("GET", f -> "/admin/partner", f -> null, PARTNERS));
        e.add(new Endpoint("GET", f -> "/admin/partner/contacts.csv", f -> null, PARTNERS));
        return e;
    }

    @Test
    void everyApiEndpointAnswers401403OrSuccessAsSpecified() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : apiEndpoints()) {
            check(endpoint, null, wrong, true);
            for (Role role : Role.values()) {
                check(endpoint, role, wrong, true);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyAdminPageAnswersTheSameWayInTheBrowser() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : pageEndpoints()) {
            check(endpoint, null, wrong, false);
            for (Role role : Role.values()) {
                check(endpoint, role, wrong, false);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Inject
    LetterAccess letterAccess;

    /**
     * "Member / non-member" rows: on a letter whose access list names other accounts, editors and
     * vetters can neither read nor change any of its data (pages and API); named on it, they have
     * exactly what their role gives. Admins are never limited.
     */
    @Test
    void everyLetterEndpointFollowsTheLettersAccessListForReadsAndWrites() {
        List<String> wrong = new ArrayList<>();
        long outsider = admins.find(admins.create(Role.EDITOR)).id;
        for (Role role : Role.values()) {
            String email = admins.create(role);
            long id = admins.find(email).id;
            String token = Admins.tokenFor(email);
            Admins.Session session = Admins.signIn(email);
            for (boolean member : new boolean[]{true, false}) {
                // A refused request changes nothing, so all non-member rows can share one fixture.
                // (Admins are never refused, so their requests change things: they get fresh fixtures.)
                Fixture shared = member || role == Role.ADMIN ? null : restricted(fixture(), outsider);
                for (boolean api : new boolean[]{true, false}) {
                    for (Endpoint endpoint : api ? apiEndpoints() : pageEndpoints()) {
                        if (!isLetterData(endpoint.path().apply(shared != null ? shared : PROBE))) {
                            continue;
                        }
                        Fixture f = shared != null ? shared : restricted(fixture(), member ? id : outsider);
                        String path = endpoint.path().apply(f);
                        int status = call(endpoint, f, path, api, token, session);
                        boolean expectAllowed = endpoint.allowed().contains(role) && (member || role == Role.ADMIN);
                        boolean ok = expectAllowed ? allowedStatus(status, path) : status == 403;
                        if (!ok) {
                            wrong.add(endpoint.method() + " " + path + " as " + role + (member ? " member" : " non-member")
                                    + (api ? " (API)" : " (page)") + ": expected " + (expectAllowed ? "allowed" : "403")
                                    + ", got " + status);
                        }
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** Lists show only the letters an account is on. */
    @Test
    void letterListsShowOnlyTheLettersTheAccountIsOn() {
        Fixture f = fixture();
        String member = admins.create(Role.VETTER);
        String outsider = admins.create(Role.VETTER);
        restricted(f, admins.find(member).id);
        String memberToken = Admins.tokenFor(member);
        String outsiderToken = Admins.tokenFor(outsider);
        List<Integer> seenByMember = RestAssured.given().auth().oauth2(memberToken).accept("application/json")
                .get("/api/admin/letters").then().statusCode(200).extract().jsonPath().getList("id", Integer.class);
        List<Integer> seenByOutsider = RestAssured.given().auth().oauth2(outsiderToken).accept("application/json")
                .get("/api/admin/letters").then().statusCode(200).extract().jsonPath().getList("id", Integer.class);
        assertTrue(seenByMember.contains((int) f.openLetter()));
        assertTrue(!seenByOutsider.contains((int) f.openLetter()));
        String title = data.letter(f.openLetter()).title;
        Admins.signIn(outsider).browser().get("/admin").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(title)));
        Admins.signIn(member).browser().get("/admin").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(title));
    }

    private static final Fixture PROBE = new Fixture(1, 2, 3, 4, 5, 0, 6, 0, 7);

    /** The fixture's letters limit editing and vetting to this one account. */
    private Fixture restricted(Fixture f, long account) {
        java.util.Set<Long> named = java.util.Set.of(account);
        for (long letter : new long[]{f.openLetter(), f.draft(), f.closedLetter()}) {
            letterAccess.setMembers(org.undersigned.audit.Actor.SYSTEM, letter, named, named);
        }
        return f;
    }

    private static boolean isLetterData(String path) {
        return path.matches("^/(api/)?admin/(letters/\\d+|signatures/\\d+).*");
    }

    private int call(Endpoint endpoint, Fixture f, String path, boolean api, String token, Admins.Session session) {
        Object body = endpoint.body().apply(f);
        if (api) {
            RequestSpecification request = RestAssured.given().contentType("application/json").accept("application/json")
                    .auth().oauth2(token);
            if (body != null) {
                request.body(body);
            }
            return request.request(endpoint.method(), path).statusCode();
        }
        return endpoint.method().equals("GET") ? session.browser().get(path).statusCode()
                : endpoint.method().equals(MULTIPART) ? multipart(session.browser().multiPart("csrf", session.csrf()), body, path)
                : session.post(path, stringify(body)).statusCode();
    }

    /** Posts the body's fields as multipart/form-data; returns the status. */
    private static int multipart(RequestSpecification request, Object body, String path) {
        request.contentType("multipart/form-data");
        stringify(body).forEach((k, v) -> request.multiPart(k, String.valueOf(v)));
        return request.post(path).statusCode();
    }

    /** A partner of the letter that was retired (its staff account keeps it from being deleted). */
    private long retiredPartner(Fixture f) {
        if (f == PROBE) {
            return 0; // only the address's shape is looked at
        }
        long letterId = f.openLetter();
        long id = coalitions.addPartner(org.undersigned.audit.Actor.SYSTEM, letterId, "Retired " + java.util.UUID.randomUUID(),
                null, null, null).id();
        admins.createPartnerStaff(id);
        coalitions.removePartner(org.undersigned.audit.Actor.SYSTEM, letterId, id);
        return id;
    }

    private long category(Fixture f) {
        if (f == PROBE) {
            return 0;
        }
        long letterId = f.openLetter();
        return coalitions.addCategory(org.undersigned.audit.Actor.SYSTEM, letterId, "Cat " + java.util.UUID.randomUUID()).id();
    }

    /** A fresh active endpoint for the letter (its address refuses connections). */
    private long webhook(Fixture f) {
        if (f == PROBE) {
            return 0;
        }
        long letterId = f.openLetter();
        return ((Number) data.single("""
                insert into webhook_endpoint (id, letter_id, url, events, secret, trusted, active, created_at, version)
                values (nextval('webhook_endpoint_seq'), ?1, 'https://127.0.0.1:9/hook', '{signature.approved}', 'whsec_matrix',
                        false, true, now(), 0) returning id""", letterId)).longValue();
    }

    /** The address of a FAILED delivery of a fresh endpoint. */
    private String failedDelivery(Fixture f) {
        if (f == PROBE) {
            return "/admin/webhooks/0/deliveries/0";
        }
        long letterId = f.openLetter();
        long endpoint = webhook(f);
        long delivery = ((Number) data.single("""
                insert into webhook_delivery (endpoint_id, event, letter_id, state_after, occurred_at, state, attempts)
                values (?1, 'signature.approved', ?2, 'APPROVED', now(), 'FAILED', 10) returning id""", endpoint, letterId))
                .longValue();
        return "/admin/webhooks/" + endpoint + "/deliveries/" + delivery;
    }

    /** A fresh, unrevoked API key's id. */
    private long apiKey(Fixture f) {
        if (f == PROBE) {
            return 0;
        }
        String hash = org.undersigned.infra.Hashing.sha256Hex(java.util.UUID.randomUUID().toString());
        return ((Number) data.single("""
                insert into api_key (id, name, prefix, key_hash, created_at)
                values (nextval('api_key_seq'), 'Matrix key', 'usk_matrix00', ?1, now()) returning id""", hash)).longValue();
    }

    private static boolean allowedStatus(int status, String path) {
        return status < 400 || (status == 422 && path.endsWith("/reconsent")) || (status == 400 && path.endsWith("/duplicate"));
    }

    private void check(Endpoint endpoint, Role role, List<String> wrong, boolean api) {
        Fixture f = fixture();
        String path = endpoint.path().apply(f);
        Object body = endpoint.body().apply(f);
        int status;
        if (api) {
            RequestSpecification request = RestAssured.given().contentType("application/json").accept("application/json");
            if (role != null) {
                request.auth().oauth2(admins.token(role));
            }
            if (body != null) {
                request.body(body);
            }
            status = request.request(endpoint.method(), path).statusCode();
        } else if (role == null) {
            RequestSpecification request = RestAssured.given().redirects().follow(false).accept("text/html");
            if (endpoint.method().equals(MULTIPART)) {
                status = multipart(request, body, path);
            } else {
                if (body != null) {
                    request.contentType("application/x-www-form-urlencoded").formParams(stringify(body));
                }
                status = request.request(endpoint.method(), path).statusCode();
            }
        } else {
            Admins.Session s = admins.session(role);
            status = endpoint.method().equals("GET") ? s.browser().get(path).statusCode()
                    : endpoint.method().equals(MULTIPART) ? multipart(s.browser().multiPart("csrf", s.csrf()), body, path)
                    : s.post(path, stringify(body)).statusCode();
        }
        String who = role == null ? "anonymous" : role.name();
        boolean ok;
        String expected;
        if (role == null) {
            expected = api ? "401" : "303 to sign-in";
            ok = api ? status == 401 : status == 303;
        } else if (!endpoint.allowed().contains(role)) {
            expected = "403";
            ok = status == 403;
        } else {
            expected = "allowed";
            ok = status < 400 || (status == 422 && path.endsWith("/reconsent"))
                    || (status == 400 && path.endsWith("/duplicate"));
        }
        if (!ok) {
            wrong.add(endpoint.method() + " " + path + " as " + who + ": expected " + expected + ", got " + status);
        }
    }

    private Fixture fixture() {
        Letter open = data.open(LetterOptions.organizationsOnly());
        Letter draft = data.draft(LetterOptions.organizationsOnly());
        Letter closed = data.closed(LetterOptions.organizationsOnly());
        long update = letters.postUpdate(org.undersigned.audit.Actor.SYSTEM, open.id, LocalDate.now(), "An update").id;
        String email = TestData.uniqueEmail("matrix");
        SignOnForms.post(open.slug, SignOnForms.organization("Matrix Org", email)).then().statusCode(303);
        data.confirm(email);
        Signature s = data.only(email);
        String accountEmail = admins.create(Role.VETTER);
        var account = admins.find(accountEmail);
        long partner = coalitions.addPartner(org.undersigned.audit.Actor.SYSTEM, open.id, "Matrix Partner", null, null, null).id();
        return new Fixture(open.id, draft.id, closed.id, update, s.id(), s.version(), account.id, account.version, partner);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringify(Object body) {
        if (body == null) {
            return Map.of();
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        ((Map<String, Object>) body).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
