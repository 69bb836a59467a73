package org.undersigned.letter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.infra.Hashing;
import org.undersigned.support.Admins;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;
import org.undersigned.web.IllegalTransitionException;
import org.undersigned.web.Language;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Translated letters: each translation versioned with the text, with its own digest, and out of date when the text changes. */
@QuarkusTest
class TranslationTest {

    private static final String TITLE_ES = "Alto al reconocimiento facial";
    private static final String TO_ES = "Sr. Bezos y Sr. Jassy";
    private static final String BODY_ES = "Le pedimos que **pare**.\n\n## Por qué\n\nPorque sí.";

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    LetterService letters;

    private String editor() {
        return admins.token(Role.EDITOR);
    }

    private io.restassured.response.ValidatableResponse translate(long letterId, String language, String title,
                                                                   String to, String body) {
        return given().auth().oauth2(editor()).contentType(ContentType.JSON)
                .body(Map.of("title", title, "addressees", to, "bodyMarkdown", body))
                .put("/api/admin/letters/" + letterId + "/translations/" + language).then();
    }

    @Test
    void aTranslationIsFrozenWithItsOwnDigestAndGoesOutOfDateWhenTheTextChanges() {
        Letter draft = data.draft(LetterOptions.organizationsOnly());
        String sha1 = Hashing.sha256Hex(LetterVersion.canonicalText(TITLE_ES, TO_ES, BODY_ES));
        translate(draft.id, "es", TITLE_ES, TO_ES, BODY_ES).statusCode(200)
                .body("state", equalTo("CURRENT")).body("revision", equalTo(1))
                .body("translatesVersion", nullValue()).body("shown", equalTo(false)).body("sha256", equalTo(sha1));
        assertEquals(0L, data.countRows("letter_translation_version", "letter_id = ?1", draft.id), "nothing frozen in a draft");

        Letter letter = letters.publish(org.undersigned.audit.Actor.SYSTEM, draft.id);
        given().auth().oauth2(editor()).get("/api/admin/letters/" + letter.id + "/translations").then().statusCode(200)
                .body("language", equalTo("en"))
                .body("translations[0].language", equalTo("es"))
                .body("translations[0].translatesVersion", equalTo(1))
                .body("translations[0].shown", equalTo(true));
        assertEquals(sha1, data.single("select sha256 from letter_translation_version where letter_id = ?1 and letter_version = 1",
                letter.id));
        String canonicalSha = (String) data.single("select sha256 from letter_version where letter_id = ?1 and number = 1", letter.id);
        assertNotEquals(canonicalSha, sha1, "a translation has a digest of its own");

        given().accept("text/html").queryParam("lang", "es").get("/letters/" + letter.slug).then().statusCode(200)
                .body(containsString("<html lang=\"es\" dir=\"ltr\">"))
                .body(containsString("<h1 lang=\"es\" dir=\"ltr\">" + TITLE_ES + "</h1>"))
                .body(containsString("<strong>pare</strong>"))
                .body(containsString("Traducción al español de la versión 1 del texto, SHA-256 <code>" + sha1 + "</code>"))
                .body(containsString("<link rel=\"alternate\" hreflang=\"es\" href=\"/letters/" + letter.slug + "?lang=es\">"));

        // The canonical text changes: the translation is out of date and no longer shown.
        Map<String, Object> edited = new HashMap<>(given().auth().oauth2(editor())
                .get("/api/admin/letters/" + letter.id).then().statusCode(200).extract().jsonPath().getMap(""));
        edited.put("bodyMarkdown", "We ask you to **stop now**.");
        given().auth().oauth2(editor()).contentType(ContentType.JSON).body(edited)
                .put("/api/admin/letters/" + letter.id).then().statusCode(200).body("textVersion", equalTo(2));
        given().auth().oauth2(editor()).get("/api/admin/letters/" + letter.id + "/translations").then()
                .body("translations[0].state", equalTo("OUT_OF_DATE"))
                .body("translations[0].translatesVersion", equalTo(1))
                .body("translations[0].shown", equalTo(false));
        given().accept("text/html").queryParam("lang", "es").get("/letters/" + letter.slug).then().statusCode(200)
                .body(containsString("<html lang=\"es\" dir=\"ltr\">"))
                .body(containsString("<strong>stop now</strong>"))
                .body(containsString("<div class=\"letter-body\" lang=\"en\" dir=\"ltr\">"))
                .body(containsString("aún no está traducida al español"))
                .body(not(containsString(TITLE_ES)))
                .body(not(containsString("hreflang=\"es\" href=\"/letters/" + letter.slug + "?lang=es\">")) );

        // The editor updates it: current again, a new revision for version 2, frozen with a new digest.
        String body2 = "Le pedimos que **pare ya**.";
        String sha2 = Hashing.sha256Hex(LetterVersion.canonicalText(TITLE_ES, TO_ES, body2));
        translate(letter.id, "es", TITLE_ES, TO_ES, body2).statusCode(200)
                .body("state", equalTo("CURRENT")).body("revision", equalTo(2))
                .body("translatesVersion", equalTo(2)).body("sha256", equalTo(sha2)).body("shown", equalTo(true));
        assertEquals(2L, data.countRows("letter_translation_version", "letter_id = ?1", letter.id), "both revisions kept");
        given().accept("text/html").queryParam("lang", "es").get("/letters/" + letter.slug).then()
                .body(containsString("<strong>pare ya</strong>"))
                .body(containsString("versión 2 del texto, SHA-256 <code>" + sha2 + "</code>"));
        assertEquals(2L, data.countRows("audit_event", "letter_id = ?1 and action = 'letter.translated'", letter.id),
                "each translation is audited");
    }

    @Test
    void anOutOfDateTranslationCannotGoOutOfDateAgain() {
        assertFalse(TranslationState.OUT_OF_DATE.canMoveTo(TranslationState.OUT_OF_DATE));
        Letter letter = new Letter();
        LetterTranslation t = LetterTranslation.start(letter, new Language("fr"));
        t.write("Titre", "Destinataires", "Texte", java.time.Instant.now());
        t.markOutOfDate(java.time.Instant.now());
        assertEquals(TranslationState.OUT_OF_DATE, t.state());
        assertThrows(IllegalTransitionException.class, () -> t.markOutOfDate(java.time.Instant.now()));
        t.write("Titre", "Destinataires", "Texte révisé", java.time.Instant.now());
        assertEquals(TranslationState.CURRENT, t.state());
        assertEquals(2, t.revision());
    }

    @Test
    void badTranslationsAreRefusedAndWriteNothing() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        translate(letter.id, "en", TITLE_ES, TO_ES, BODY_ES).statusCode(400)
                .body(containsString("written in this language already"));
        translate(letter.id, "zz-!!", TITLE_ES, TO_ES, BODY_ES).statusCode(400);
        translate(letter.id, "es", "", TO_ES, BODY_ES).statusCode(400).body(containsString("translated title"));
        assertEquals(0L, data.countRows("letter_translation", "letter_id = ?1", letter.id));
        assertEquals(0L, data.countRows("letter_translation_version", "letter_id = ?1", letter.id));
        given().auth().oauth2(admins.token(Role.VETTER)).contentType(ContentType.JSON)
                .body(Map.of("title", TITLE_ES, "addressees", TO_ES, "bodyMarkdown", BODY_ES))
                .put("/api/admin/letters/" + letter.id + "/translations/es").then().statusCode(403);
    }

    @Test
    void aSignatureRecordsTheVersionAndLanguageItsSignerSaw() {
        Letter draft = data.draft(LetterOptions.organizationsOnly());
        translate(draft.id, "es", TITLE_ES, TO_ES, BODY_ES).statusCode(200);
        Letter letter = letters.publish(org.undersigned.audit.Actor.SYSTEM, draft.id);
        String spanish = TestData.uniqueEmail("es");
        Map<String, String> form = new HashMap<>(SignOnForms.organization("Colectivo Datos Libres", spanish));
        form.put("lang", "es");
        SignOnForms.post(letter.slug, form).then().statusCode(303)
                .header("Location", equalTo("/letters/" + letter.slug + "/signed?lang=es"))
                .header("Set-Cookie", nullValue());
        assertEquals(1, data.single("select letter_version from signature where email = ?1", spanish));
        assertEquals("es", data.single("select text_language from signature where email = ?1", spanish));
        assertEquals("es", data.single("select language from signature where email = ?1", spanish));
        assertEquals(Hashing.sha256Hex(LetterVersion.canonicalText(TITLE_ES, TO_ES, BODY_ES)),
                data.single("select text_sha256 from signature where email = ?1", spanish));

        // Accept-Language alone: a French reader gets a French interface and the letter as written.
        String french = TestData.uniqueEmail("fr");
        io.restassured.RestAssured.given().config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5")
                .contentType("application/x-www-form-urlencoded")
                .formParams(withStamp(letter.slug, SignOnForms.organization("Ligue des droits numériques", french)))
                .post("/letters/" + letter.slug + "/sign").then().statusCode(303);
        assertEquals("en", data.single("select text_language from signature where email = ?1", french));
        assertEquals("fr", data.single("select language from signature where email = ?1", french));
        assertEquals(data.single("select sha256 from letter_version where letter_id = ?1 and number = 1", letter.id),
                data.single("select text_sha256 from signature where email = ?1", french));
    }

    private static Map<String, String> withStamp(String slug, Map<String, String> form) {
        Map<String, String> f = new HashMap<>(form);
        f.put("formStamp", SignOnForms.stamp(slug));
        return f;
    }

    @Test
    void theEditorPageAddsAndUpdatesATranslationAndShowsItsState() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Admins.Session editor = admins.session(Role.EDITOR);
        editor.browser().get("/admin/letters/" + letter.id + "/translations").then().statusCode(200)
                .body(containsString("Languages and translations")).body(containsString("Add a translation"));
        editor.post("/admin/letters/" + letter.id + "/translations", Map.of("language", "fr", "title", "Halte à la reconnaissance faciale",
                "addressees", "M. Bezos", "bodyMarkdown", "Nous vous demandons d’**arrêter**.")).then().statusCode(303);
        editor.browser().get("/admin/letters/" + letter.id + "/translations").then().statusCode(200)
                .body(containsString("current, shown to readers (revision 1, translates version 1)"))
                .body(containsString("value=\"Halte à la reconnaissance faciale\" maxlength=\"200\" lang=\"fr\" dir=\"ltr\""));
        editor.post("/admin/letters/" + letter.id + "/translations", Map.of("language", "fr", "title", "",
                "addressees", "M. Bezos", "bodyMarkdown", "x")).then().statusCode(400)
                .body(containsString("Enter the translated title."));
        editor.post("/admin/letters/" + letter.id + "/translations/fr/remove", Map.of()).then().statusCode(303);
        assertEquals(0L, data.countRows("letter_translation", "letter_id = ?1", letter.id));
        assertEquals(1L, data.countRows("letter_translation_version", "letter_id = ?1", letter.id), "what readers saw stays");
    }
}
