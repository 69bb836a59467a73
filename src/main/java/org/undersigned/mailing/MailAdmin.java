package org.undersigned.mailing;

import org.undersigned.web.AdminMsg;
import org.undersigned.web.Msg;
import org.undersigned.web.Notice;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.account.AdminView;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;
import org.undersigned.mail.MailStatus;

import java.net.URI;

/**
 * The admins' view of the outbox (it lives here, beside the mailings, because the mail package
 * sits below accounts): backlog, oldest waiting, sent in the last hour, failed and bounced email,
 * and "send again" for failed ones. Admins only: it shows recipients.
 */
@Path("/admin/mail")
@RolesAllowed(Role.ADMIN_NAME)
public class MailAdmin {

    static final int PROBLEMS_SHOWN = 100;

    @CheckedTemplate(basePath = "mailing")
    static class Templates {
        static native TemplateInstance mail(AdminView admin, MailStatus.Summary status, Notice notice);
    }

    @Inject
    MailStatus status;

    @Inject
    CurrentAdmin current;


    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@RestQuery String notice) {
        return Templates.mail(current.view(), status.summary(PROBLEMS_SHOWN),
                "retried".equals(notice) ? Notice.success(AdminMsg::notice_mail_retried) : null);
    }

    @POST
    @Path("{id}/retry")
    @Produces(MediaType.TEXT_HTML)
    public Response retry(@RestPath long id) {
        status.retry(current.actor(), id);
        return Response.seeOther(URI.create("/admin/mail?notice=retried")).build();
    }


    /** The same as JSON. */
    @Path("/api/admin/mail")
    @RolesAllowed(Role.ADMIN_NAME)
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Admin: mail")
    public static class Api {

        @Inject
        MailStatus status;

        @Inject
        CurrentAdmin current;

        @GET
        @Operation(summary = "Backlog, oldest waiting email, sent in the last hour, failed and bounced email")
        public MailStatus.Summary summary() {
            return status.summary(PROBLEMS_SHOWN);
        }

        @POST
        @Path("{id}/retry")
        @Operation(summary = "Send a given-up email again")
        public MailStatus.Summary retry(@RestPath long id) {
            status.retry(current.actor(), id);
            return status.summary(PROBLEMS_SHOWN);
        }
    }
}
