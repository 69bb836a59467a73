package org.undersigned.osdi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.infra.Hashing;
import org.undersigned.support.Admins;
import org.undersigned.support.TestData;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API key admin pages, a thin front of {@link ApiKeys} like the JSON API: a key is shown once,
 * works against the OSDI API, is listed by its prefix only, and stops working when revoked; issue
 * and revocation audited; ADMINs only; a nameless key is refused and nothing is written.
 */
@QuarkusTest
class ApiKeyPagesTest {

    private static final Pattern KEY = Pattern.compile("<code id=\"api-key\">(usk_[A-Za-z0-9_-]+)</code>");

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Test
    void anAdminIssuesAKeySeenOnceThatWorksUntilRevoked() {
        Admins.Session admin = admins.session(Role.ADMIN);
        String name = "CRM sync " + UUID.randomUUID().toString().substring(0, 8);
        Response issued = admin.post("/admin/api-keys", Map.of("name", name));
        issued.then().statusCode(200);
        assertEquals("no-store", issued.header("Cache-Control"));
        Matcher m = KEY.matcher(issued.asString());
        assertTrue(m.find(), "the key is shown");
        String key = m.group(1);
        long id = ((Number) data.single("select id from api_key where name = ?1", name)).longValue();
        assertEquals(Hashing.sha256Hex(key), data.single("select key_hash from api_key where id = ?1", id), "only its hash is kept");
        assertEquals(1, data.countRows("audit_event", "action = 'api-key.issued' and after->>'key' = ?1", String.valueOf(id)));

        given().header(OsdiApi.TOKEN_HEADER, key).get("/api/osdi/v1").then().statusCode(200);

        String list = admin.browser().get("/admin/api-keys").then().statusCode(200).extract().asString();
        assertTrue(list.contains(name));
        assertFalse(list.contains(key), "the key is never shown again");
        assertTrue(list.contains("<code>" + key.substring(0, 12) + "…</code>"), "only its prefix");

        admins.session(Role.EDITOR).post("/admin/api-keys/" + id + "/revoke", Map.of()).then().statusCode(403);
        admin.post("/admin/api-keys/" + id + "/revoke", Map.of()).then().statusCode(303);
        assertEquals(1, data.countRows("audit_event", "action = 'api-key.revoked' and after->>'key' = ?1", String.valueOf(id)));
        given().header(OsdiApi.TOKEN_HEADER, key).get("/api/osdi/v1").then().statusCode(401);
        assertTrue(admin.browser().get("/admin/api-keys?notice=revoked").then().statusCode(200).extract().asString()
                .contains("Key revoked"));
        admin.post("/admin/api-keys/" + id + "/revoke", Map.of()).then().statusCode(422);
    }

    @Test
    void aNamelessKeyIsRefusedAndNothingIsWritten() {
        long before = data.countRows("api_key", "true");
        String html = admins.session(Role.ADMIN).post("/admin/api-keys", Map.of("name", "  "))
                .then().statusCode(400).extract().asString();
        assertTrue(html.contains("Name the integration"));
        assertEquals(before, data.countRows("api_key", "true"));
        admins.session(Role.EDITOR).browser().get("/admin/api-keys").then().statusCode(403);
        admins.session(Role.VETTER).post("/admin/api-keys", Map.of("name", "Sneaky")).then().statusCode(403);
        assertEquals(before, data.countRows("api_key", "true"));
    }
}
