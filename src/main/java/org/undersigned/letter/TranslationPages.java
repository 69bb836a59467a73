package org.undersigned.letter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.account.AdminView;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.Language;

import java.net.URI;
import java.util.List;

/** The editor's translations page: the letter's language, each translation and its state, updates' translations. */
@Path("/admin/letters/{id}/translations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
public class TranslationPages {

    public record Row(String language, String name, String state, boolean shown, int revision, Integer translatesVersion,
                      String sha256, String dir, String title, String addressees, String bodyMarkdown) {
    }

    public record UpdateRow(long id, String postedOn, String markdown, List<UpdateText> texts) {
    }

    public record UpdateText(String language, String name, String dir, String markdown) {
    }

    public record Page(long id, String title, String state, boolean draft, Integer currentVersion, String language,
                       String languageName, List<Row> translations, List<UpdateRow> updates) {
    }

    @CheckedTemplate(basePath = "letter")
    static class Templates {
        static native TemplateInstance translations(AdminView admin, Page page, FormErrors errors, String notice,
                                                    TranslationForm form);
    }

    /** What was typed into the "add or update a translation" form, shown again on an error. */
    public record TranslationForm(String language, String title, String addressees, String bodyMarkdown) {
    }

    @Inject
    LetterTranslations translations;

    @Inject
    CurrentAdmin current;

    @GET
    public TemplateInstance page(@RestPath long id, @org.jboss.resteasy.reactive.RestQuery String notice) {
        return Templates.translations(current.view(), page(id), FormErrors.none(), notice, new TranslationForm("", "", "", ""));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath long id, @RestForm String language, @RestForm String title,
                         @RestForm String addressees, @RestForm String bodyMarkdown) {
        try {
            translations.save(current.actor(), id, new LetterTranslations.TranslationInput(language, title, addressees, bodyMarkdown));
        } catch (InvalidInputException e) {
            return error(id, e.errors(), new TranslationForm(language, title, addressees, bodyMarkdown));
        }
        return back(id, "saved");
    }

    @POST
    @Path("language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setLanguage(@RestPath long id, @RestForm String language) {
        try {
            translations.setLanguage(current.actor(), id, language);
        } catch (InvalidInputException e) {
            return error(id, e.errors(), new TranslationForm("", "", "", ""));
        }
        return back(id, "language-saved");
    }

    @POST
    @Path("{language}/remove")
    public Response remove(@RestPath long id, @RestPath String language) {
        translations.remove(current.actor(), id, language);
        return back(id, "removed");
    }

    @POST
    @Path("updates/{updateId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response translateUpdate(@RestPath long id, @RestPath long updateId, @RestForm String language,
                                    @RestForm String markdown) {
        CampaignUpdate.<CampaignUpdate>findByIdOptional(updateId).filter(u -> u.letter.id.equals(id))
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
        try {
            translations.translateUpdate(current.actor(), updateId, language, markdown);
        } catch (InvalidInputException e) {
            return error(id, e.errors(), new TranslationForm("", "", "", ""));
        }
        return back(id, "update-saved");
    }

    private Page page(long id) {
        Letter letter = LetterService.require(id);
        List<LetterTranslation> all = translations.of(id);
        List<Row> rows = all.stream().map(t -> new Row(t.language().tag(), t.language().nativeName(), t.state().name(),
                t.isShown(), t.revision(), t.translatesVersion(), t.text().sha256(), t.language().dir(), t.text().title(),
                t.text().addressees(), t.text().bodyMarkdown())).toList();
        List<UpdateRow> updates = CampaignUpdate.forLetter(id).stream().map(u -> new UpdateRow(u.id,
                u.postedOn.toString(), u.bodyMarkdown, all.stream().map(t -> new UpdateText(t.language().tag(),
                        t.language().nativeName(), t.language().dir(), u.translations().getOrDefault(t.language().tag(), "")))
                        .toList())).toList();
        Language canonical = letter.language();
        return new Page(id, letter.title, letter.state().name(), letter.state() == LetterState.DRAFT,
                letter.currentVersion(), canonical.tag(), canonical.nativeName(), rows, updates);
    }

    private Response error(long id, FormErrors errors, TranslationForm form) {
        String html = Templates.translations(current.view(), page(id), errors, null, form).render();
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private static Response back(long id, String notice) {
        return Response.seeOther(URI.create("/admin/letters/" + id + "/translations?notice=" + notice)).build();
    }
}
