package org.undersigned.letterpage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The address chooses the language ({@code ?lang=}), else Accept-Language; no cookie is ever set;
 * the page cache keys by language; names are isolated so a right-to-left name never scrambles
 * the text around it; dates and numbers follow the page's language.
 */
@QuarkusTest
class LanguageNegotiationTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    private static Response page(String path, String acceptLanguage) {
        var request = given().accept("text/html");
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        return request.get(path);
    }

    @Test
    void theAddressChoosesThenAcceptLanguageAndNoCookieIsEverSet() {
        Letter letter = data.open(LetterOptions.everyone());
        String path = "/letters/" + letter.slug;
        for (String p : List.of("/", path, path + "/signatories", path + "/sign", path + "/link", path + "/press")) {
            for (String lang : List.of("", "?lang=es", "?lang=fr", "?lang=en")) {
                page(p + lang, "fr;q=0.8, es").then().statusCode(200).header("Set-Cookie", nullValue());
            }
        }
        // Accept-Language alone, with weights; a regional variant reads its language.
        page(path, "fr;q=0.4, es-MX;q=0.9, en;q=0.1").then()
                .body(containsString("<html lang=\"es\" dir=\"ltr\">"))
                .body(containsString("Añada su firma"))
                .header("Vary", containsString("Accept-Language"));
        page(path, "fr-CA").then()
                .body(containsString("<html lang=\"fr\" dir=\"ltr\">"))
                .body(containsString("Ajoutez votre signature"));
        // The address wins over the header; an unknown language falls back to the header, then English.
        page(path + "?lang=fr", "es").then().body(containsString("<html lang=\"fr\" dir=\"ltr\">"));
        page(path + "?lang=xx", "es").then().body(containsString("<html lang=\"es\" dir=\"ltr\">"));
        page(path, null).then().body(containsString("<html lang=\"en\" dir=\"ltr\">")).body(containsString("Add your signature"));
        page(path, "de, ja").then().body(containsString("<html lang=\"en\" dir=\"ltr\">"));
        page(path, "this is not;;q=a header").then().statusCode(200).body(containsString("<html lang=\"en\""));

        // Plain links to every language, with hreflang; the page's own links keep the choice.
        String spanish = page(path + "?lang=es", null).then().extract().asString();
        assertTrue(spanish.contains("<a href=\"" + path + "?lang=fr\" hreflang=\"fr\" lang=\"fr\" dir=\"ltr\">Français</a>"), spanish);
        assertTrue(spanish.contains("hreflang=\"es\" lang=\"es\" dir=\"ltr\" aria-current=\"page\">Español</a>"), spanish);
        assertTrue(spanish.contains("href=\"" + path + "/link?lang=es\""), spanish);
        assertTrue(spanish.contains("href=\"" + path + "/sign?as=individual&amp;lang=es\""), spanish);
        assertTrue(spanish.contains("<input type=\"hidden\" name=\"lang\" value=\"es\">"), "the form posts the language back");
        assertTrue(spanish.contains("href=\"" + path + "/letter.pdf?lang=es\""), spanish);
    }

    @Test
    void theCacheKeysByLanguageAndTheEtagDiffers() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String path = "/letters/" + letter.slug;
        Response en = page(path, "en");
        Response es = page(path, "es");
        Response esAgain = page(path, "es");
        Response fr = page(path + "?lang=fr", "es");
        assertTrue(en.asString().contains("Add your signature"));
        assertTrue(es.asString().contains("Añada su firma"));
        assertTrue(esAgain.asString().contains("Añada su firma"), "the cached Spanish page stays Spanish");
        assertTrue(fr.asString().contains("Ajoutez votre signature"));
        assertNotEquals(en.header("ETag"), es.header("ETag"));
        assertEquals(es.header("ETag"), esAgain.header("ETag"));
        assertNotEquals(es.header("ETag"), fr.header("ETag"));
        given().accept("text/html").header("Accept-Language", "es").header("If-None-Match", es.header("ETag"))
                .get(path).then().statusCode(304);
        given().accept("text/html").header("Accept-Language", "fr").header("If-None-Match", es.header("ETag"))
                .get(path).then().statusCode(200).body(containsString("Ajoutez votre signature"));
    }

    @Test
    void datesAndNumbersFollowThePageLanguage() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        org.undersigned.letter.LetterService letters = io.quarkus.arc.Arc.container()
                .instance(org.undersigned.letter.LetterService.class).get();
        letters.postUpdate(org.undersigned.audit.Actor.SYSTEM, letter.id, java.time.LocalDate.of(2021, 5, 18), "Noticia.");
        String path = "/letters/" + letter.slug;
        page(path + "?lang=es", null).then().body(containsString(">18 de mayo de 2021</time>"));
        page(path + "?lang=fr", null).then().body(containsString(">18 mai 2021</time>"));
        page(path + "?lang=en", null).then().body(containsString(">18 May 2021</time>"));
        assertEquals("12.345", org.undersigned.web.Dates.number(12345, new org.undersigned.web.Language("es")));
        assertEquals("12,345", org.undersigned.web.Dates.number(12345, new org.undersigned.web.Language("en")));
        assertEquals("12\u202f345", org.undersigned.web.Dates.number(12345, new org.undersigned.web.Language("fr")));
    }

    @Test
    void namesAreIsolatedAndARightToLeftTranslationSetsDir() {
        Letter letter = data.open(LetterOptions.everyone());
        String arabicOrg = "مركز الحقوق الرقمية";
        String email = TestData.uniqueEmail("ar");
        SignOnForms.post(letter.slug, SignOnForms.organization(arabicOrg, email)).then().statusCode(303);
        String person = TestData.uniqueEmail("he");
        SignOnForms.post(letter.slug, SignOnForms.individual("דנה כהן", person)).then().statusCode(303);
        // The vetting queue isolates the waiting names too.
        String queue = admins.session(Role.ADMIN).browser().get("/admin/letters/" + letter.id + "/queue?state=ALL")
                .then().statusCode(200).extract().asString();
        assertTrue(queue.contains("<bdi>" + arabicOrg + "</bdi>"), queue);
        data.approve(email);
        data.approve(person);
        String path = "/letters/" + letter.slug;
        String html = page(path, null).then().extract().asString();
        assertTrue(html.contains("<bdi>" + arabicOrg + "</bdi>"), "organization names are isolated");
        assertTrue(html.contains("<bdi>דנה כהן</bdi>"), "people's names are isolated");
        assertTrue(html.contains("<p class=\"coalition\"><span class=\"label\">From:</span> <bdi>Test Coalition</bdi></p>"), html);
        String list = page(path + "/signatories", null).then().extract().asString();
        assertTrue(list.contains("<bdi>" + arabicOrg + "</bdi>"));

        // An Arabic translation: its text is marked right to left, the English interface stays left to right.
        given().auth().oauth2(admins.token(Role.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("title", "أوقفوا التعرف على الوجوه", "addressees", "السيد بيزوس", "bodyMarkdown", "نطلب منكم **التوقف**."))
                .put("/api/admin/letters/" + letter.id + "/translations/ar").then().statusCode(200).body("shown", equalTo(true));
        String arabic = page(path + "?lang=ar", "en").then().statusCode(200).extract().asString();
        assertTrue(arabic.contains("<html lang=\"en\" dir=\"ltr\">"), "no Arabic interface ships: English chrome");
        assertTrue(arabic.contains("<h1 lang=\"ar\" dir=\"rtl\">أوقفوا التعرف على الوجوه</h1>"), arabic);
        assertTrue(arabic.contains("<div class=\"letter-body\" lang=\"ar\" dir=\"rtl\">"), arabic);
        assertTrue(arabic.contains("hreflang=\"ar\" lang=\"ar\" dir=\"rtl\""), arabic);
        page(path, "ar, en;q=0.5").then().body(containsString("<h1 lang=\"ar\" dir=\"rtl\">"));
        page(path + "?lang=en", "ar").then().body(not(containsString("<h1 lang=\"ar\"")));
    }

    @Test
    void formErrorsComeBackInTheFormLanguage() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Map<String, String> form = new java.util.HashMap<>(SignOnForms.organization("Sin Consentimiento", TestData.uniqueEmail("es")));
        form.remove("consentPublic");
        form.put("city", "");
        form.put("lang", "es");
        SignOnForms.post(letter.slug, form).then().statusCode(400)
                .body(containsString("<html lang=\"es\" dir=\"ltr\">"))
                .body(containsString("Hay un problema"))
                .body(containsString("Marque la casilla para aceptar que el nombre se muestre públicamente"))
                .body(containsString("Escriba su ciudad o localidad."))
                .body(containsString("<input type=\"hidden\" name=\"lang\" value=\"es\">"));
        form.put("lang", "fr");
        SignOnForms.post(letter.slug, form).then().statusCode(400)
                .body(containsString("Saisissez votre ville ou commune."));
        form.remove("lang");
        SignOnForms.post(letter.slug, form).then().statusCode(400)
                .body(containsString("Enter your city or town."));
    }
}
