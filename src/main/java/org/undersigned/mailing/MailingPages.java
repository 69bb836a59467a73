package org.undersigned.mailing;

import org.undersigned.web.AdminMsg;
import org.undersigned.web.Msg;
import org.undersigned.web.Notice;
import org.undersigned.web.FormPage;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.account.AdminView;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.net.URI;
import java.util.List;

/** Mailings in the browser: a letter's list, a draft's page (edit, test, send), progress. Thin: one service call each. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
public class MailingPages {

    @CheckedTemplate(basePath = "mailing")
    static class Templates {
        static native TemplateInstance list(AdminView admin, long letterId, List<Mailings.MailingView> mailings);

        static native TemplateInstance mailing(AdminView admin, Mailings.MailingView mailing, FormErrors errors,
                                               Notice notice);
    }

    @Inject
    Mailings mailings;

    @Inject
    CurrentAdmin current;

    @GET
    @Path("letters/{id}/mailings")
    public TemplateInstance list(@RestPath long id) {
        return Templates.list(current.view(), id, mailings.forLetter(id));
    }

    @POST
    @Path("letters/{id}/mailings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draft(@RestPath long id, @RestForm String kind, @RestForm Long updateId) {
        MailingKind k = "DELIVERED".equals(kind) ? MailingKind.DELIVERED : "CLOSED".equals(kind) ? MailingKind.CLOSED : MailingKind.UPDATE;
        long mid = mailings.draft(current.actor(), id, k, updateId);
        return Response.seeOther(URI.create("/admin/mailings/" + mid)).build();
    }

    @GET
    @Path("mailings/{mid}")
    public TemplateInstance mailing(@RestPath long mid, @RestQuery String notice) {
        return Templates.mailing(current.view(), mailings.view(mid), FormErrors.none(), notice(notice));
    }

    /** What the last action did, from the code its redirect carried. */
    private static Notice notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "saved" -> Notice.success(AdminMsg::notice_mailing_saved);
            case "test-sent" -> Notice.success(AdminMsg::notice_mailing_test_sent);
            case "sending" -> Notice.success(AdminMsg::notice_mailing_sending);
            case "cancelled" -> Notice.warning(Notice.msg().notice_mailing_cancelled());
            default -> null;
        };
    }

    @POST
    @Path("mailings/{mid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rewrite(@RestPath long mid, @RestForm String subject, @RestForm String body) {
        try {
            mailings.rewrite(current.actor(), mid, subject, body);
        } catch (InvalidInputException e) {
            return page(400, Templates.mailing(current.view(), mailings.view(mid), e.errors(), null));
        }
        return back(mid, "saved");
    }

    @POST
    @Path("mailings/{mid}/test")
    public Response test(@RestPath long mid) {
        mailings.sendTest(current.actor(), mid, current.get().email());
        return back(mid, "test-sent");
    }

    @POST
    @Path("mailings/{mid}/send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@RestPath long mid, @RestForm Long expectedRecipients) {
        try {
            mailings.send(current.actor(), mid, expectedRecipients == null ? -1 : expectedRecipients);
        } catch (Mailings.RecipientsChanged e) {
            return page(409, Templates.mailing(current.view(), mailings.view(mid),
                    FormErrors.none().add("expectedRecipients", e.getMessage()), null));
        }
        return back(mid, "sending");
    }

    @POST
    @Path("mailings/{mid}/cancel")
    public Response cancel(@RestPath long mid) {
        mailings.cancel(current.actor(), mid);
        return back(mid, "cancelled");
    }


    private static Response back(long mid, String notice) {
        return Response.seeOther(URI.create("/admin/mailings/" + mid + "?notice=" + notice)).build();
    }

    private static Response page(int status, TemplateInstance page) {
        return FormPage.html(status, page);
    }
}
