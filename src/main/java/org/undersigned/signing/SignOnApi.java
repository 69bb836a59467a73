package org.undersigned.signing;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.abuse.ClientAddress;
import org.undersigned.abuse.RateLimit;
import org.undersigned.abuse.RateLimited;

/** Sign-on for programs (a coalition's own site, a mobile app): same rules as the form. */
@Path("/api/letters/{slug}/signatures")
@Tag(name = "Sign-on")
public class SignOnApi {

    /** The JSON body: field names match the form's. */
    public record SignOnRequest(String kind, String organizationName, String website, String city, String region,
                                String country, String orgType, String contactName, String contactTitle, String email,
                                String phone, String name, String affiliation, Boolean consentPublic,
                                Boolean consentUpdates) {
        SignOnInput toInput() {
            return SignOnInput.of(kind, organizationName, website, city, region, country, orgType, contactName,
                    contactTitle, email, phone, name, affiliation, Boolean.TRUE.equals(consentPublic),
                    Boolean.TRUE.equals(consentUpdates));
        }
    }

    public record SignOnAccepted(String status, String message) {
    }

    @Inject
    SignOnService signing;

    @Inject
    ClientAddress clientAddress;

    @Inject
    HttpServerRequest httpRequest;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign a letter", description = "Always answers the same way whether or not the address had "
            + "already signed; the address's owner receives an email either way.")
    @APIResponse(responseCode = "202", description = "A confirmation link was emailed")
    @APIResponse(responseCode = "400", description = "problem+json with one message per field")
    @APIResponse(responseCode = "404", description = "No such public letter")
    @APIResponse(responseCode = "409", description = "The letter is not collecting signatures")
    @APIResponse(responseCode = "429", description = "Too many sign-ons from this client address for this letter; see Retry-After")
    @RateLimited(RateLimit.SIGN_ON)
    public Response sign(@RestPath String slug, SignOnRequest request) {
        if (request == null) {
            throw new org.undersigned.web.InvalidInputException(
                    org.undersigned.web.FormErrors.none().add("body", "Send the sign-on as a JSON object."));
        }
        signing.signOn(slug, request.toInput(), SignOnContext.from(clientAddress.of(httpRequest)));
        return Response.accepted(new SignOnAccepted("confirmation-sent",
                "Check your email: follow the link we sent to confirm the signature.")).build();
    }
}
