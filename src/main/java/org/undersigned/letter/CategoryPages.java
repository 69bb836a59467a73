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

import java.net.URI;
import java.util.List;

/** The editors' page of a letter's signatory categories. Thin: each change is one call to {@link Coalitions}. */
@Path("/admin/letters/{id}/categories")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
public class CategoryPages {

    @CheckedTemplate(basePath = "letter")
    static class Templates {
        static native TemplateInstance categories(AdminView admin, long letterId, String title,
                                                  List<LetterCategory> categories, FormErrors errors,
                                                  org.undersigned.web.Notice notice);
    }

    @Inject
    Coalitions coalitions;

    @Inject
    CurrentAdmin current;

    @GET
    public TemplateInstance page(@RestPath long id, @org.jboss.resteasy.reactive.RestQuery String notice) {
        return page(id, FormErrors.none(), "moved".equals(notice)
                ? org.undersigned.web.Notice.success(org.undersigned.web.AdminMsg::notice_order_saved) : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestPath long id, @RestForm String name) {
        try {
            coalitions.addCategory(current.actor(), id, name);
        } catch (InvalidInputException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page(id, e.errors(), null).render()).build();
        }
        return Response.seeOther(URI.create("/admin/letters/" + id + "/categories")).build();
    }

    /** One place up or down: the groups on the page, in the CSV/JSON lists and the PDF follow this order. */
    @POST
    @Path("{categoryId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@RestPath long id, @RestPath long categoryId, @RestForm String direction) {
        return org.undersigned.web.FormPage.submit(() -> {
            coalitions.moveCategory(current.actor(), id, categoryId, Coalitions.Direction.of(direction));
            return Response.seeOther(URI.create("/admin/letters/" + id + "/categories?notice=moved")).build();
        }, errors -> page(id, errors, null));
    }

    @POST
    @Path("{categoryId}/remove")
    public Response remove(@RestPath long id, @RestPath long categoryId) {
        coalitions.removeCategory(current.actor(), id, categoryId);
        return Response.seeOther(URI.create("/admin/letters/" + id + "/categories")).build();
    }

    private TemplateInstance page(long id, FormErrors errors, org.undersigned.web.Notice notice) {
        Letter letter = LetterService.require(id);
        return Templates.categories(current.view(), id, letter.title, LetterCategory.ofLetter(id), errors, notice);
    }
}
