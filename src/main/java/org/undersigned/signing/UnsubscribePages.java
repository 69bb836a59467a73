package org.undersigned.signing;

import org.undersigned.web.FormPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
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

    @Inject
    org.undersigned.web.Languages languages;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response ask(@RestPath String token, HttpHeaders headers) {
        Locale locale = locale(token, headers);
        return subscriptions.letterTitle(token)
                .map(title -> page(200, Templates.unsubscribe(token, title, false).setLocale(locale)))
                .orElseGet(() -> unknown(locale));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
    public Response unsubscribe(@RestPath String token, @RestForm("List-Unsubscribe") String oneClick,
                                HttpHeaders headers) {
        Locale locale = locale(token, headers);
        var title = subscriptions.letterTitle(token);
        if (title.isEmpty() || !subscriptions.unsubscribe(token)) {
            return unknown(locale);
        }
        if ("One-Click".equals(oneClick)) {
            return Response.ok("Unsubscribed.", MediaType.TEXT_PLAIN_TYPE).build();
        }
        return page(200, Templates.unsubscribe(token, title.get(), true).setLocale(locale));
    }

    /** The signer's language; for a link we cannot read, the browser's. */
    private Locale locale(String token, HttpHeaders headers) {
        return subscriptions.language(token)
                .orElseGet(() -> languages.chooseInterface(null, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)))
                .locale();
    }

    private static Response unknown(Locale locale) {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.unsubscribe(null, null, false).setLocale(locale).render()).build();
    }

    private static Response page(int status, TemplateInstance page) {
        return FormPage.html(status, page);
    }
}
