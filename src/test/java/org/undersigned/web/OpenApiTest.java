package org.undersigned.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/openapi documents the JSON API only, with enums and required fields in its schemas. */
@QuarkusTest
class OpenApiTest {

    @Test
    void onlyTheJsonApiIsDocumented() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertFalse(paths.isEmpty());
        for (String path : paths.keySet()) {
            assertTrue(path.startsWith("/api/"), "not part of the JSON API: " + path);
        }
        assertTrue(paths.containsKey("/api/letters/{slug}/signatures"));
        Map<String, Object> schemas = doc.getMap("components.schemas");
        for (String name : schemas.keySet()) {
            assertFalse(name.contains("TemplateInstance") || name.startsWith("Uni") || name.contains("Template")
                    || name.equals("Response") || name.contains("Qute"), "an internal type: " + name);
        }
    }

    @Test
    void theSignOnSchemaNamesItsRequiredFieldsAndEnums() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        List<String> required = doc.getList("components.schemas.SignOnRequest.required");
        assertTrue(required.containsAll(List.of("kind", "email", "city", "consentPublic")), String.valueOf(required));
        assertEquals(List.of("ORGANIZATION", "INDIVIDUAL"), doc.getList("components.schemas.SignOnRequest.properties.kind.enum"));
        String orgType = doc.getString("components.schemas.SignOnRequest.properties.orgType.$ref");
        assertTrue(orgType == null || orgType.endsWith("OrgType"), orgType);
        assertTrue(doc.getList("components.schemas.OrgType.enum").contains("ADVOCACY"));
        assertTrue(doc.getList("components.schemas.Credentials.required").containsAll(List.of("email", "password")));
        // A logo travels as base64 text, no longer than the largest accepted file's encoding (issue 13a).
        assertEquals("byte", doc.getString("components.schemas.SignOnRequest.properties.logo.format"));
        assertEquals(org.undersigned.logos.LogoImage.MAX_BASE64_CHARS, doc.getInt("components.schemas.SignOnRequest.properties.logo.maxLength"));
        assertTrue(doc.getString("components.schemas.SignOnRequest.properties.logo.description").contains("re-encodes"));
    }
}
