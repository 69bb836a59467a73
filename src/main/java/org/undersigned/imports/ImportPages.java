package org.undersigned.imports;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.undersigned.account.AdminView;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Importing a CSV into a letter's vetting queue, in the browser: upload, map, check, import. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.VETTER_NAME})
@org.undersigned.account.LetterWrites(org.undersigned.account.LetterAccess.Capability.VET)
public class ImportPages {

    public record LetterRef(long id, String title) {
    }

    public record FieldChoice(String field, String label, Integer column) {
    }

    public record ImportView(long id, long version, String filename, String status, int rowsTotal, int rowsValid,
                             int rowsDone, int percent, String message, List<String> headers,
                             List<List<String>> preview, List<FieldChoice> fields, Notice notice) {
        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    @CheckedTemplate(basePath = "imports")
    static class Templates {
        static native TemplateInstance upload(AdminView admin, LetterRef letter, FormErrors errors);

        static native TemplateInstance mapping(AdminView admin, LetterRef letter, ImportView imp,
                                               ImportReport report, FormErrors errors);
    }

    @Inject
    ImportService imports;

    @Inject
    CurrentAdmin current;

    @GET
    @Path("letters/{id}/imports/new")
    public TemplateInstance uploadPage(@RestPath long id) {
        return Templates.upload(current.view(), ref(LetterService.require(id)), FormErrors.none());
    }

    @POST
    @Path("letters/{id}/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestPath long id, @RestForm("file") FileUpload file) {
        Letter letter = LetterService.require(id);
        try {
            byte[] bytes = file == null ? null : Files.readAllBytes(file.uploadedFile());
            SignatureImport imp = imports.upload(current.get(), id, file == null ? null : file.fileName(), bytes);
            return Response.seeOther(URI.create("/admin/imports/" + imp.id())).build();
        } catch (InvalidInputException e) {
            return FormPage.invalid(Templates.upload(current.view(), ref(letter), e.errors()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("imports/{iid}")
    public Response importPage(@RestPath long iid) {
        SignatureImport imp = imports.require(current.get(), iid);
        return page(200, imp, null, FormErrors.none());
    }

    @POST
    @Path("imports/{iid}/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(@RestPath long iid, MultivaluedMap<String, String> form) {
        Map<ImportField, Integer> mapping = new EnumMap<>(ImportField.class);
        for (ImportField f : ImportField.values()) {
            String v = form.getFirst("map_" + f.name());
            if (v != null && v.matches("\\d{1,4}")) {
                mapping.put(f, Integer.parseInt(v));
            }
        }
        try {
            ImportReport report = imports.check(current.get(), iid, new ColumnMapping(mapping));
            return page(200, imports.require(current.get(), iid), report, FormErrors.none());
        } catch (InvalidInputException e) {
            return page(400, imports.require(current.get(), iid), null, e.errors());
        }
    }

    @POST
    @Path("imports/{iid}/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run(@RestPath long iid, @RestForm long version) {
        imports.start(current.get(), iid, version);
        return Response.seeOther(URI.create("/admin/imports/" + iid)).build();
    }

    private Response page(int status, SignatureImport imp, ImportReport report, FormErrors errors) {
        Letter letter = LetterService.require(imp.letterId());
        CsvFile file = imports.file(imp);
        ColumnMapping mapping = imp.mapping();
        List<FieldChoice> fields = new ArrayList<>();
        for (ImportField f : ImportField.values()) {
            fields.add(new FieldChoice(f.name(), f.label, mapping.columnOf(f)));
        }
        int percent = imp.rowsValid() == 0 ? 0 : Math.min(100, imp.rowsDone() * 100 / imp.rowsValid());
        ImportView view = new ImportView(imp.id(), imp.version(), imp.filename(), imp.status().name(), imp.rowsTotal(),
                imp.rowsValid(), imp.rowsDone(), percent, imp.message(), file.headers(),
                file.rows().stream().limit(5).toList(), fields, outcome(imp));
        Response page = FormPage.html(status, Templates.mapping(current.view(), ref(letter), view, report, errors));
        if (imp.status() == ImportStatus.RUNNING) {
            // Progress without JavaScript: the browser reloads the page every two seconds.
            return Response.fromResponse(page).header("Refresh", "2").build();
        }
        return page;
    }

    /** How a finished import ended, above its page. */
    private static Notice outcome(SignatureImport imp) {
        return switch (imp.status()) {
            case DONE -> Notice.success(Notice.msg().notice_imported(imp.rowsDone())
                    + (imp.message() == null ? "" : " " + imp.message()));
            case FAILED -> Notice.error(imp.message());
            default -> null;
        };
    }

    private static LetterRef ref(Letter l) {
        return new LetterRef(l.id, l.title);
    }
}
