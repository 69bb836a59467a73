package org.undersigned.signing;

import org.undersigned.web.FormPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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

/**
 * Unsubscribing from campaign updates, without signing in. {@code GET} shows a button (mail
 * scanners follow links, so a visit alone changes nothing); {@code POST} unsubscribes at once.
 * Mail programs post {@code List-Unsubscribe=One-Click} to the same address (RFC 8058) and get a
 * plain answer; browsers get a page.
 */
@Path("/unsubscribe/{token}")
public class UnsubscribePages {

    @CheckedTemplate(basePath = "signing")
    static class Templates {
        static native TemplateInstance unsubscribe(String token, String letterTitle, boolean done);
    }

    @Inject
    UpdateSubscriptions subscriptions;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response ask(@RestPath String token) {
        return subscriptions.letterTitle(token)
                .map(title -> page(200, Templates.unsubscribe(token, title, false)))
                .orElseGet(UnsubscribePages::unknown);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
    public Response unsubscribe(@RestPath String token, @RestForm("List-Unsubscribe") String oneClick) {
        var title = subscriptions.letterTitle(token);
        if (title.isEmpty() || !subscriptions.unsubscribe(token)) {
            return unknown();
        }
        if ("One-Click".equals(oneClick)) {
            return Response.ok("Unsubscribed.", MediaType.TEXT_PLAIN_TYPE).build();
        }
        return page(200, Templates.unsubscribe(token, title.get(), true));
    }

    private static Response unknown() {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.unsubscribe(null, null, false).render()).build();
    }

    private static Response page(int status, TemplateInstance page) {
        return FormPage.html(status, page);
    }
}
