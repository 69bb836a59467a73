package org.undersigned.dev;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterState;
import org.undersigned.support.TestData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;

    @Inject
    TestData data;

    @Test
    void devModeSeedsTheOpenDemoLetterWithTheCoalitionAndADraft() throws Exception {
        Letter letter = Letter.findBySlug(DemoData.DEMO_SLUG).orElseGet(demo::seedDemoLetters);

        List<String> organizations = DemoData.organizations();
        assertEquals(40, organizations.size());
        Path shared = Path.of("../shared/demo/organizations.txt");
        if (Files.exists(shared)) {
            assertEquals(Files.readAllLines(shared).stream().map(String::strip).filter(l -> !l.isEmpty()).toList(),
                    organizations, "the bundled list is the shared one");
        }

        assertEquals(LetterState.OPEN, data.letter(letter.id).state());
        assertEquals(40, data.countRows("signature", "letter_id = ?1 and state = 'APPROVED'", letter.id));
        Letter draft = Letter.findBySlug(DemoData.DRAFT_SLUG).orElseThrow();
        assertEquals(LetterState.DRAFT, draft.state());

        String page = given().accept("text/html").get("/letters/" + DemoData.DEMO_SLUG).then().statusCode(200)
                .body(containsString("Signed by 40 organizations"))
                .body(containsString("Mr. Bezos and Mr. Jassy"))
                .body(containsString("Worth Rises"))
                .extract().asString();
        assertTrue(page.indexOf("The American Civil Liberties Union") < page.indexOf("Anne Braden Project"),
                "\"The\" is ignored when sorting");
    }
}
