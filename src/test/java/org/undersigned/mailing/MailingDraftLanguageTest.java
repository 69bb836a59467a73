package org.undersigned.mailing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.audit.Actor;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.support.Admins;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The words a mailing to signers starts from come from the public bundle (web.Msg) in the
 * letter's own language, not from English written in Java.
 */
@QuarkusTest
class MailingDraftLanguageTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    LetterService letters;

    @Test
    void theClosingDraftOfASpanishLetterIsInSpanishAndOfAnEnglishOneInEnglish() {
        Letter draft = data.draft(LetterOptions.organizationsOnly());
        admins.api(Role.EDITOR).body(Map.of("language", "es")).put("/api/admin/letters/" + draft.id + "/language")
                .then().statusCode(200);
        letters.publish(Actor.SYSTEM, draft.id);
        letters.close(Actor.SYSTEM, draft.id);
        JsonPath spanish = closingDraft(draft.id);
        assertEquals("Firmas cerradas: " + draft.title, spanish.getString("subject"));
        assertTrue(spanish.getString("bodyText").matches("La carta que usted firmó ya no recoge firmas\\. "
                + "Le avisaremos cuando se entregue\\.\n\nLea la carta: http\\S+/letters/" + draft.slug), spanish.getString("bodyText"));

        Letter english = data.closed(LetterOptions.organizationsOnly());
        JsonPath inEnglish = closingDraft(english.id);
        assertEquals("Signatures closed: " + english.title, inEnglish.getString("subject"));
        assertTrue(inEnglish.getString("bodyText").matches("The letter you signed is no longer taking signatures\\. "
                + "We will let you know when it is delivered\\.\n\nRead the letter: http\\S+/letters/" + english.slug),
                inEnglish.getString("bodyText"));
    }

    private JsonPath closingDraft(long letterId) {
        return admins.api(Role.EDITOR).body(Map.of("kind", "CLOSED"))
                .post("/api/admin/letters/" + letterId + "/mailings").then().statusCode(201).extract().jsonPath();
    }
}
