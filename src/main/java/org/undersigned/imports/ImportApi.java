package org.undersigned.imports;

import static org.undersigned.web.AdminText.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** CSV imports as JSON: upload (text/csv), check with a mapping, run, watch progress. */
@Path("/api/admin/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.VETTER_NAME})
@Tag(name = "Admin: imports")
@org.undersigned.account.LetterWrites(org.undersigned.account.LetterAccess.Capability.VET)
public class ImportApi {

    public record ImportDto(long id, long letterId, long version, String status, String filename, int rowsTotal,
                            int rowsValid, int rowsDone, String message, List<String> headers,
                            Map<ImportField, Integer> mapping) {
        static ImportDto of(SignatureImport i, List<String> headers) {
            return new ImportDto(i.id(), i.letterId(), i.version(), i.status().name(), i.filename(), i.rowsTotal(),
                    i.rowsValid(), i.rowsDone(), i.message(), headers, i.mapping().columns());
        }
    }

    public record Check(Map<ImportField, Integer> mapping) {
    }

    public record Run(Long version) {
    }

    @Inject
    ImportService imports;

    @Inject
    CurrentAdmin current;

    @GET
    @Path("{iid}")
    @Operation(summary = "An import's status and progress")
    public ImportDto get(@RestPath long iid) {
        SignatureImport i = imports.require(current.get(), iid);
        return ImportDto.of(i, imports.file(i).headers());
    }

    @POST
    @Path("{iid}/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate every row under a mapping (field → column index); writes no signature")
    public ImportReport check(@RestPath long iid, Check body) {
        Map<ImportField, Integer> mapping = body == null || body.mapping() == null
                ? new EnumMap<>(ImportField.class) : new EnumMap<>(body.mapping());
        return imports.check(current.get(), iid, new ColumnMapping(mapping));
    }

    @POST
    @Path("{iid}/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import every valid row, all or nothing; poll GET for progress")
    public Response run(@RestPath long iid, Run body) {
        if (body == null || body.version() == null) {
            throw new InvalidInputException(FormErrors.none().add("version", admin().api_import_version_required()));
        }
        SignatureImport i = imports.start(current.get(), iid, body.version());
        return Response.accepted(ImportDto.of(i, List.of())).build();
    }

    /** Uploading belongs to a letter. */
    @Path("/api/admin/letters/{id}/imports")
    @RolesAllowed({Role.ADMIN_NAME, Role.VETTER_NAME})
    @Tag(name = "Admin: imports")
    public static class Upload {

        @Inject
        ImportService imports;

        @Inject
        CurrentAdmin current;

        @POST
        @Consumes("text/csv")
        @Produces(MediaType.APPLICATION_JSON)
        @Operation(summary = "Upload a CSV; the answer carries its headers and the guessed mapping")
        public Response upload(@RestPath long id, byte[] csv) {
            SignatureImport i = imports.upload(current.get(), id, "api-upload.csv", csv);
            return Response.created(URI.create("/api/admin/imports/" + i.id()))
                    .entity(ImportDto.of(i, imports.file(i).headers())).build();
        }
    }
}
