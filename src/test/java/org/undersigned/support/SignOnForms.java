package org.undersigned.support;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import io.quarkus.arc.Arc;
import org.undersigned.abuse.FormStamps;

import java.time.Instant;

/** Posting the public sign-on form the way a browser does. */
public final class SignOnForms {

    /** Browsers send urlencoded forms without a charset parameter (they use the page's, UTF-8). */
    public static final RestAssuredConfig LIKE_A_BROWSER = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private SignOnForms() {
    }

    public static Map<String, String> organization(String orgName, String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "ORGANIZATION");
        form.put("organizationName", orgName);
        form.put("website", "example.org");
        form.put("city", "Oakland");
        form.put("region", "CA");
        form.put("country", "US");
        form.put("orgType", "ADVOCACY");
        form.put("contactName", "Ana Contact");
        form.put("contactTitle", "Director");
        form.put("email", email);
        form.put("phone", "+1 510 555 0100");
        form.put("consentPublic", "yes");
        return form;
    }

    public static Map<String, String> individual(String name, String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "INDIVIDUAL");
        form.put("name", name);
        form.put("affiliation", "Professor of Law, State University");
        form.put("city", "Seattle");
        form.put("region", "WA");
        form.put("email", email);
        form.put("consentPublic", "yes");
        return form;
    }

    public static Response post(String slug, Map<String, String> form) {
        Map<String, String> withStamp = new LinkedHashMap<>(form);
        withStamp.putIfAbsent("formStamp", stamp(slug));
        return postExactly(slug, withStamp);
    }

    /** Posts exactly these fields: no form stamp unless the caller adds one. */
    public static Response postExactly(String slug, Map<String, String> form) {
        return RestAssured.given()
                .config(LIKE_A_BROWSER)
                .redirects().follow(false)
                .accept("text/html")
                .contentType("application/x-www-form-urlencoded")
                .formParams(form)
                .post("/letters/" + slug + "/sign");
    }

    /**
     * A valid form stamp from a minute ago, as if a person had spent that long on the form (the
     * test profile keeps the real minimum fill time; a test that posts "too fast" says so).
     */
    public static String stamp(String slug) {
        return Arc.container().instance(FormStamps.class).get().issue(Instant.now().minusSeconds(60));
    }

}
