package org.undersigned.dev;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.undersigned.audit.Actor;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterDraft;
import org.undersigned.letter.LetterService;
import org.undersigned.signing.NameKeys;
import org.undersigned.signing.OrgType;
import org.undersigned.signing.SignOnInput;
import org.undersigned.signing.SignatoryKind;
import org.undersigned.signing.Signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Development data: one open letter calling for a permanent ban on police use of face
 * recognition, signed by the organizations that signed the 2021 coalition letter, and one draft.
 * Seeded once (when the demo letter does not exist yet) and only where
 * {@code undersigned.demo.seed} is true, which is the dev profile.
 */
@ApplicationScoped
public class DemoData {

    public static final String DEMO_SLUG = "ban-face-recognition";
    public static final String DRAFT_SLUG = "license-plate-readers";

    @ConfigProperty(name = "undersigned.demo.seed", defaultValue = "false")
    boolean seed;

    @Inject
    LetterService letters;

    void onStart(@Observes StartupEvent event) {
        if (seed && Letter.findBySlug(DEMO_SLUG).isEmpty()) {
            seedDemoLetters();
            Log.infof("Seeded the demo letter /letters/%s and the draft %s", DEMO_SLUG, DRAFT_SLUG);
        }
    }

    @Transactional
    public Letter seedDemoLetters() {
        Letter letter = letters.createDraft(Actor.SYSTEM, new LetterDraft(DEMO_SLUG,
                "Make the ban on police use of face recognition permanent",
                "Mr. Bezos and Mr. Jassy",
                resource("dev/demo-letter.md"),
                "Coalition Against Face Surveillance (demo)",
                "press@coalition.invalid",
                null, true, true, false));
        letters.publish(Actor.SYSTEM, letter.id);
        letters.postUpdate(Actor.SYSTEM, letter.id, LocalDate.now().minusDays(3),
                "**Victory!** Amazon announced it is extending its moratorium on police use of Rekognition "
                        + "indefinitely. Thank you to every organization that signed. We keep collecting signatures "
                        + "until the ban is permanent and covers federal agencies too.");
        letters.postUpdate(Actor.SYSTEM, letter.id, LocalDate.now().minusDays(20),
                "The letter was delivered to Amazon's leadership by email and in print.");
        Instant signedAt = Instant.now().minus(30, ChronoUnit.DAYS);
        List<String> names = organizations();
        for (int i = 0; i < names.size(); i++) {
            approvedOrganization(letter, names.get(i), signedAt.plus(i, ChronoUnit.HOURS));
        }
        letters.createDraft(Actor.SYSTEM, new LetterDraft(DRAFT_SLUG,
                "Stop automated license-plate readers in our neighborhoods",
                "The City Council",
                "License-plate readers log where every car goes, every day, and keep it for years. We ask the "
                        + "Council to end the city's contract and delete the data collected so far.",
                "Neighbors for Privacy (demo)",
                "https://neighbors.invalid/contact",
                null, true, true, true));
        return letter;
    }

    private static void approvedOrganization(Letter letter, String name, Instant signedAt) {
        // Demo contacts live under .invalid: a domain that can never receive mail.
        String email = "contact-" + NameKeys.nameKey(name) + "@demo.invalid";
        SignOnInput input = new SignOnInput(SignatoryKind.ORGANIZATION.name(), name, null, null, null, "US",
                OrgType.ADVOCACY.name(), "Demo Contact", "Organizer", email, null, null, null, true, false);
        Signature s = Signature.imported("demo", letter, input,
                UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""), signedAt);
        s.approve(signedAt, null);
        s.persist();
    }

    static List<String> organizations() {
        return Arrays.stream(resource("dev/organizations.txt").split("\n"))
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String resource(String path) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
