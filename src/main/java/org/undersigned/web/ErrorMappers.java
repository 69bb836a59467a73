package org.undersigned.web;

import io.quarkus.logging.Log;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * One place that turns every failure into a response a person or a program can act on. No
 * stack trace, SQL or class name ever reaches the client; unexpected failures get a reference
 * that matches the log line.
 */
public class ErrorMappers {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpServerRequest request;

    @Inject
    ErrorLogging logging;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = ErrorResponses.build(request, e.status(), e.type(), e.title(), e.detail(), e.fieldErrors(), null);
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
    }

    /**
     * Not signed in (or the token is invalid, expired or for a deactivated account): browsers in
     * the admin UI go to the sign-in page and come back afterwards; programs get 401.
     */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class})
    public Response unauthenticated(Exception e) {
        String path = request.path();
        if (ErrorResponses.wantsHtml(request) && path.startsWith("/admin")) {
            String next = java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
            return Response.seeOther(java.net.URI.create("/admin/sign-in?next=" + next)).build();
        }
        return Response.fromResponse(ErrorResponses.build(request, 401, "unauthorized", "Please sign in",
                        "This needs an admin account: sign in, or send a valid Bearer token.", List.of(), null))
                .header("WWW-Authenticate", "Bearer realm=\"undersigned\"").build();
    }

    @ServerExceptionMapper(io.quarkus.security.ForbiddenException.class)
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return ErrorResponses.build(request, 403, "forbidden", "Not allowed",
                "Your account's role does not allow this. Ask an admin if you need it.", List.of(), null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return switch (status) {
            case 404 -> ErrorResponses.build(request, 404, "not-found", "Page not found",
                    "There is nothing at this address. If you followed a link, it may be mistyped or out of date.", List.of(), null);
            case 405 -> ErrorResponses.build(request, 405, "method-not-allowed", "Not allowed here",
                    "This address does not accept that kind of request.", List.of(), null);
            case 406 -> ErrorResponses.build(request, 406, "not-acceptable", "Format not available",
                    "This address cannot answer in the format the request asked for.", List.of(), null);
            case 413 -> ErrorResponses.build(request, 413, "too-large", "Too much data",
                    "The request is larger than this service accepts.", List.of(), null);
            case 415 -> ErrorResponses.build(request, 415, "unsupported-media-type", "Unsupported format",
                    "This address does not accept data in that format.", List.of(), null);
            case 401 -> ErrorResponses.build(request, 401, "unauthorized", "Please sign in",
                    "You need to sign in to do this.", List.of(), null);
            case 403 -> ErrorResponses.build(request, 403, "forbidden", "Not allowed",
                    "Your account is not allowed to do this.", List.of(), null);
            default -> ErrorResponses.build(request, status, "bad-request", "Bad request",
                    "The request could not be understood.", List.of(), null);
        };
    }

    /* Jackson's own exception types are named so that these win over Quarkus' built-in mappers. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(com.fasterxml.jackson.core.JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return ErrorResponses.build(request, 400, "unreadable-body", "Unreadable request",
                "The request body is not JSON of the expected shape.", List.of(), null);
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e) {
        return ErrorResponses.build(request, 409, "conflict", "Changed by someone else",
                "Someone else changed this at the same moment. Reload to see the current state, then try again.",
                List.of(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String reference = HexFormat.of().formatHex(randomBytes());
        if (causedBy(e, OptimisticLockException.class) || causedBy(e, org.hibernate.StaleStateException.class)) {
            // Raised at commit, so it arrives wrapped in the transaction's own exceptions.
            return concurrentChange(null);
        }
        if (clientWentAway(e)) {
            // Not a fault of ours: nobody is left to read the answer, and a load test stopping
            // mid-request would otherwise fill the error log.
            Log.debugf("The client closed the connection before its request body arrived [ref %s]", reference);
            return ErrorResponses.build(request, 400, "incomplete-request", "Incomplete request",
                    "The connection closed before the request arrived in full. Please try again.", List.of(), null);
        }
        if (badlyEncoded(e)) {
            return ErrorResponses.build(request, 400, "malformed-request", "Malformed request",
                    "The address or form data has a broken %-escape. Check the link or submit the form again.",
                    List.of(), null);
        }
        if (databaseUnavailable(e) || causedBy(e, jakarta.transaction.RollbackException.class)) {
            // A RollbackException here means the commit itself failed (our services never mark a
            // transaction rollback-only), typically a connection lost at that instant: nothing was saved.
            logging.warn(reference, "database unavailable", e);
            return Response.fromResponse(ErrorResponses.build(request, 503, "unavailable", "Temporarily unavailable",
                            "We can't reach our database right now. Nothing was saved; please try again in a minute.",
                            List.of(), reference))
                    .header("Retry-After", "30").build();
        }
        logging.error(reference, e);
        return ErrorResponses.build(request, 500, "internal-error", "Something went wrong on our side",
                "The request could not be completed. If this keeps happening, tell the organizers this reference.",
                List.of(), reference);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** An I/O failure while reading the request body: the client closed the connection mid-request. */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (frame.getClassName().endsWith(".VertxInputStream$VertxBlockingInput")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The framework decodes paths and form bodies lazily and reports a broken %-escape (such as
     * {@code %ff} or a lone {@code %}) as a bare IllegalArgumentException: that is the client's
     * mistake, not ours. Only exceptions thrown by its URL decoder count, so our own bugs stay 500s.
     */
    static boolean badlyEncoded(Throwable e) {
        if (!(e instanceof IllegalArgumentException)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals("org.jboss.resteasy.reactive.common.util.URLUtils")) {
                return true;
            }
        }
        return false;
    }

    /** A lost or refused connection (SQLState class 08) or an exhausted pool waiting for one. */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")))
                        || String.valueOf(sql.getMessage()).startsWith("Acquisition timeout")) {
                    return true;
                }
            }
            if (t instanceof java.net.ConnectException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
