package org.undersigned.osdi;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
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
import org.undersigned.web.AdminMsg;
import org.undersigned.web.FormErrors;
import org.undersigned.web.FormPage;
import org.undersigned.web.Notice;
import org.undersigned.web.SiteConfig;

import java.net.URI;
import java.util.List;

/**
 * API keys for the OSDI read API in the browser, for ADMINs: the same service as
 * {@code /api/admin/api-keys} ({@link ApiKeys}). A new key is shown once, on the page that
 * answers its creation; only its hash is kept.
 */
@Path("/admin/api-keys")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class ApiKeyPages {

    /** The form as typed. */
    @TemplateData
    public record KeyForm(String name) {
    }

    @CheckedTemplate(basePath = "osdi")
    static class Templates {
        static native TemplateInstance keys(AdminView admin, List<ApiKeys.KeyView> keys, String apiRoot, KeyForm form,
                                            FormErrors errors, Notice notice);

        static native TemplateInstance issued(AdminView admin, ApiKeys.KeyView key, String apiKey, String apiRoot);
    }

    @Inject
    ApiKeys keys;

    @Inject
    CurrentAdmin current;

    @Inject
    SiteConfig site;

    @GET
    public TemplateInstance list(@RestQuery String notice) {
        return page(new KeyForm(""), FormErrors.none(), "revoked".equals(notice) ? Notice.success(AdminMsg::notice_api_key_revoked) : null);
    }

    /** Issues a key and shows it, this once. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issue(@RestForm String name) {
        return FormPage.submit(() -> {
            ApiKeys.Issued issued = keys.issue(name, current.actor());
            String html = Templates.issued(current.view(), issued.key(), issued.apiKey(), apiRoot()).render();
            // The key is in this answer only: no cache may keep it.
            return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").build();
        }, errors -> page(new KeyForm(name), errors, null));
    }

    @POST
    @Path("{keyId}/revoke")
    public Response revoke(@RestPath long keyId) {
        keys.revoke(keyId, current.actor());
        return Response.seeOther(URI.create("/admin/api-keys?notice=revoked")).build();
    }

    private TemplateInstance page(KeyForm form, FormErrors errors, Notice notice) {
        return Templates.keys(current.view(), keys.list(), apiRoot(), form, errors, notice);
    }

    private String apiRoot() {
        return site.publicUrl() + "/api/osdi/v1";
    }
}
