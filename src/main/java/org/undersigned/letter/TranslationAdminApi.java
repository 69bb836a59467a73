package org.undersigned.letter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A letter's languages as JSON: its canonical language, translations of its text and of its updates. */
@Path("/api/admin/letters/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME, Role.VETTER_NAME})
@Tag(name = "Admin: letters")
public class TranslationAdminApi {

    /** One translation. {@code state}: CURRENT (shown to readers) or OUT_OF_DATE (the canonical text changed since). */
    public record TranslationDto(String language, String state, int revision, Integer translatesVersion, String sha256,
                                 boolean shown, String title, String addressees, String bodyMarkdown, Instant updatedAt) {
        static TranslationDto of(LetterTranslation t) {
            return new TranslationDto(t.language().tag(), t.state().name(), t.revision(), t.translatesVersion(),
                    t.text().sha256(), t.isShown(), t.text().title(), t.text().addressees(), t.text().bodyMarkdown(), t.updatedAt());
        }
    }

    public record Languages(String language, Integer currentVersion, List<TranslationDto> translations) {
    }

    public record LanguageInput(String language) {
    }

    public record TranslationInput(String title, String addressees, String bodyMarkdown) {
    }

    public record UpdateTranslationInput(String markdown) {
    }

    public record UpdateTranslations(long id, Map<String, String> translations) {
    }

    @Inject
    LetterTranslations translations;

    @Inject
    CurrentAdmin current;

    @GET
    @Path("translations")
    @Operation(summary = "The letter's language and its translations, with their state and digests")
    public Languages list(@RestPath long id) {
        Letter letter = LetterService.require(id);
        return new Languages(letter.language().tag(), letter.currentVersion(),
                translations.of(id).stream().map(TranslationDto::of).toList());
    }

    @PUT
    @Path("language")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    @Operation(summary = "Set the language the letter is written in (drafts only)")
    public Languages setLanguage(@RestPath long id, LanguageInput body) {
        translations.setLanguage(current.actor(), id, body == null ? null : body.language());
        return list(id);
    }

    @PUT
    @Path("translations/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    @Operation(summary = "Write a translation: a new revision, current for the letter's current text")
    public TranslationDto save(@RestPath long id, @RestPath String language, TranslationInput body) {
        TranslationInput in = body == null ? new TranslationInput(null, null, null) : body;
        return TranslationDto.of(translations.save(current.actor(), id,
                new LetterTranslations.TranslationInput(language, in.title(), in.addressees(), in.bodyMarkdown())));
    }

    @DELETE
    @Path("translations/{language}")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response remove(@RestPath long id, @RestPath String language) {
        translations.remove(current.actor(), id, language);
        return Response.noContent().build();
    }

    @PUT
    @Path("updates/{updateId}/translations/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    @Operation(summary = "Translate a campaign update (an empty text removes the translation)")
    public UpdateTranslations translateUpdate(@RestPath long id, @RestPath long updateId, @RestPath String language,
                                              UpdateTranslationInput body) {
        CampaignUpdate u = CampaignUpdate.<CampaignUpdate>findByIdOptional(updateId)
                .filter(x -> x.letter.id.equals(id)).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        u = translations.translateUpdate(current.actor(), u.id, language, body == null ? null : body.markdown());
        return new UpdateTranslations(u.id, Map.copyOf(u.translations()));
    }
}
