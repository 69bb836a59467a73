package org.undersigned.osdi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.infra.Hashing;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OSDI-shaped read API: HAL+JSON petitions and signatures, keyset pages followed through
 * their next links, behind a key that is hashed at rest, shown once, revocable and audited.
 */
@QuarkusTest
class OsdiApiTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Test
    void withoutAValidKeyNothingIsServed() {
        for (String path : List.of("/api/osdi/v1", "/api/osdi/v1/petitions")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
            given().header(OsdiApi.TOKEN_HEADER, "usk_guess_guessguessguess").get(path).then().statusCode(401);
        }
    }

    @Test
    void keysAreShownOnceHashedAtRestRevocableAndAudited() {
        Response issued = admins.api(Role.ADMIN).body(Map.of("name", "CRM sync")).post("/api/admin/api-keys")
                .then().statusCode(201).extract().response();
        String key = issued.jsonPath().getString("apiKey");
        long id = issued.jsonPath().getLong("key.id");
        assertTrue(key.startsWith("usk_"));
        assertEquals(Hashing.sha256Hex(key), data.single("select key_hash from api_key where id = ?1", id));
        assertEquals(0, data.countRows("api_key", "key_hash = ?1 or prefix = ?1 or name = ?1", key), "the key itself is not stored");
        assertFalse(admins.api(Role.ADMIN).get("/api/admin/api-keys").asString().contains(key), "shown once");
        admins.api(Role.EDITOR).body(Map.of("name", "Sneaky")).post("/api/admin/api-keys").then().statusCode(403);
        admins.api(Role.ADMIN).body(Map.of("name", " ")).post("/api/admin/api-keys").then().statusCode(400);

        given().header(OsdiApi.TOKEN_HEADER, key).get("/api/osdi/v1").then().statusCode(200).contentType(OsdiApi.HAL_JSON);
        assertTrue(data.single("select last_used_at from api_key where id = ?1", id) != null, "last use recorded");

        admins.api(Role.ADMIN).post("/api/admin/api-keys/" + id + "/revoke").then().statusCode(200);
        given().header(OsdiApi.TOKEN_HEADER, key).get("/api/osdi/v1").then().statusCode(401);
        admins.api(Role.ADMIN).post("/api/admin/api-keys/" + id + "/revoke").then().statusCode(422);
        assertEquals(1, data.countRows("audit_event", "action = 'api-key.issued' and after ->> 'key' = ?1", String.valueOf(id)));
        assertEquals(1, data.countRows("audit_event", "action = 'api-key.revoked' and after ->> 'key' = ?1", String.valueOf(id)));
    }

    @Test
    void signaturesArePagedByKeysetThroughHalNextLinks() {
        String key = admins.api(Role.ADMIN).body(Map.of("name", "Poller")).post("/api/admin/api-keys").then().statusCode(201)
                .extract().jsonPath().getString("apiKey");
        Letter letter = data.open(LetterOptions.everyone());
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String email = TestData.uniqueEmail("osdi" + i);
            Map<String, String> form = SignOnForms.organization("Osdi Org " + i, email);
            form.put("phone", "+1 555 000 111" + i);
            SignOnForms.post(letter.slug, form).then().statusCode(303);
            data.approve(email);
            names.add("Osdi Org " + i);
        }
        String waiting = TestData.uniqueEmail("osdi-waiting");
        SignOnForms.post(letter.slug, SignOnForms.organization("Osdi Waiting", waiting)).then().statusCode(303);

        JsonPath petition = hal(key, "/api/osdi/v1/petitions/" + letter.id);
        assertEquals(letter.title, petition.getString("title"));
        assertEquals(List.of("undersigned:" + letter.id), petition.getList("identifiers"));
        assertTrue(petition.getString("browser_url").endsWith("/letters/" + letter.slug));

        String next = petition.getString("_links.'osdi:signatures'.href") + "?per_page=2";
        List<String> seen = new ArrayList<>();
        int pages = 0;
        while (next != null) {
            JsonPath page = hal(key, next.replaceAll("^https?://[^/]+", ""));
            pages++;
            assertEquals(2, page.getInt("per_page"));
            List<Map<String, Object>> items = page.getList("_embedded.'osdi:signatures'");
            assertTrue(items.size() <= 2);
            for (Map<String, Object> item : items) {
                @SuppressWarnings("unchecked")
                Map<String, Object> signatory = (Map<String, Object>) item.get("undersigned:signatory");
                seen.add((String) signatory.get("name"));
            }
            next = page.getString("_links.next.href");
            assertFalse(page.prettify().contains("@example") || page.prettify().contains("555 000"), "no contact details");
        }
        assertEquals(names, seen, "every approved signature once, in order; the waiting one not at all");
        assertEquals(3, pages);

        // The petitions, followed page by page (other tests' letters are there too), include this one once.
        String nextPetitions = "/api/osdi/v1/petitions?per_page=50";
        int found = 0;
        long lastId = 0;
        while (nextPetitions != null) {
            JsonPath list = hal(key, nextPetitions);
            List<Integer> ids = list.getList("_embedded.'osdi:petitions'.identifiers[0]").stream()
                    .map(i -> Integer.parseInt(((String) i).substring("undersigned:".length()))).toList();
            assertTrue(ids.size() <= 50);
            for (int id : ids) {
                assertTrue(id > lastId, "ascending ids across pages");
                lastId = id;
            }
            found += (int) list.getList("_embedded.'osdi:petitions'.title").stream().filter(letter.title::equals).count();
            String href = list.getString("_links.next.href");
            nextPetitions = href == null ? null : href.replaceAll("^https?://[^/]+", "");
        }
        assertEquals(1, found);
    }

    private static JsonPath hal(String key, String path) {
        return given().header(OsdiApi.TOKEN_HEADER, key).get(path).then().statusCode(200)
                .contentType(OsdiApi.HAL_JSON).extract().jsonPath();
    }
}
