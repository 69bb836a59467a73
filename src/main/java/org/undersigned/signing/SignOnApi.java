package org.undersigned.signing;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.abuse.BotSignal;
import org.undersigned.abuse.ClientAddress;
import org.undersigned.abuse.FormStamps;
import org.undersigned.abuse.RateLimit;
import org.undersigned.abuse.RateLimited;
import org.undersigned.logos.LogoImage;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

/**
 * Sign-on for programs (a coalition's own site, a mobile app): same rules and the same bot checks
 * as the form. The client fetches a form stamp ({@code GET …/signatures/stamp}) when it shows its
 * form and sends it back; an entry without one is flagged and always meets a vetter.
 */
@Path("/api/letters/{slug}/signatures")
@Tag(name = "Sign-on")
public class SignOnApi {

    /** The JSON body: field names match the form's. */
    @Schema(description = "A sign-on. Organizations give organizationName, website, contactName and country; "
            + "individuals give name and may give affiliation.")
    public record SignOnRequest(
            @Schema(required = true, enumeration = {"ORGANIZATION", "INDIVIDUAL"}) String kind,
            String organizationName, String website,
            @Schema(required = true) String city, String region,
            @Schema(description = "ISO 3166-1 alpha-2 code, e.g. US") String country,
            @Schema(implementation = OrgType.class) String orgType,
            String contactName, String contactTitle,
            @Schema(required = true, format = "email") String email,
            String phone, String name, String affiliation,
            @Schema(required = true, description = "Must be true: the entry is shown on the public list") Boolean consentPublic,
            Boolean consentUpdates,
            @Schema(description = "The stamp from GET …/signatures/stamp, fetched when the form was shown") String formStamp,
            @Schema(description = "Leave empty (a field people never see)") String referenceCode,
            @Schema(description = "The code of the partner whose link brought the signer, if any") String partner,
            @Schema(description = "The signer agrees to share their contact details with that partner") Boolean shareWithPartner,
            @Schema(description = "The id of one of the letter's categories; required when the letter has categories") String category,
            @Schema(description = "An individual's sort name (such as a family name): the list files them under it") String sortName,
            @Schema(format = "byte", maxLength = LogoImage.MAX_BASE64_CHARS, description = "An organization's logo: "
                    + "the bytes of a PNG or JPEG file in base64 (RFC 4648, no data: prefix), at most "
                    + (LogoImage.MAX_BYTES / 1024) + " KB before encoding and " + LogoImage.MAX_SIDE + " × " + LogoImage.MAX_SIDE
                    + " pixels. The server re-encodes it (no metadata is kept; SVG and files that are also something else are "
                    + "refused) and shows it only once a vetter approves it. Ignored for individuals.") String logo) {
        SignOnChoices toChoices() {
            return SignOnChoices.of(partner, Boolean.TRUE.equals(shareWithPartner), category,
                    SignatoryKind.INDIVIDUAL.name().equals(kind) ? sortName : null);
        }

        /** The logo's bytes, null when none was sent; too long or not base64 is a field error, decoded never. */
        byte[] logoBytes() {
            if (logo == null || logo.isEmpty()) {
                return null;
            }
            try {
                return LogoImage.fromBase64(logo);
            } catch (LogoImage.Refused refused) {
                throw new InvalidInputException(FormErrors.none().add("logo", refused.detail()));
            }
        }

        SignOnInput toInput() {
            return SignOnInput.of(kind, organizationName, website, city, region, country, orgType, contactName,
                    contactTitle, email, phone, name, affiliation, Boolean.TRUE.equals(consentPublic),
                    Boolean.TRUE.equals(consentUpdates));
        }
    }

    public record SignOnAccepted(String status, String message) {
    }

    /** A signed time stamp to send back with the sign-on, as the form carries one. */
    public record FormStamp(String formStamp, int minimumSecondsBeforeUse) {
    }

    @Inject
    org.undersigned.web.Languages languages;

    @Inject
    FormStamps stamps;

    @Inject
    org.undersigned.abuse.AbuseConfig abuseConfig;

    @GET
    @Path("stamp")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a form stamp for a sign-on",
            description = "Show your form when you fetch this, and send the stamp back as formStamp with the sign-on. "
                    + "A sign-on without a valid stamp, with one used sooner than a person could fill in a form, or with "
                    + "referenceCode filled in is accepted like any other but never published without a vetter.")
    public FormStamp stamp(@RestPath String slug) {
        return new FormStamp(stamps.issue(java.time.Instant.now()), (int) abuseConfig.minFillTime().toSeconds());
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
    @APIResponse(responseCode = "400", description = "problem+json with one message per field (a refused logo under 'logo'; nothing is written)")
    @APIResponse(responseCode = "404", description = "No such public letter")
    @APIResponse(responseCode = "409", description = "The letter is not collecting signatures")
    @APIResponse(responseCode = "429", description = "Too many sign-ons from this client address for this letter; see Retry-After")
    @RateLimited(RateLimit.SIGN_ON)
    public Response sign(@RestPath String slug, SignOnRequest request) {
        if (request == null) {
            throw new InvalidInputException(FormErrors.none().add("body",
                    org.undersigned.web.FormValidation.message("signon.api.body")));
        }
        // The same bot checks as the form's: an anonymous script gets nothing the form would deny it.
        BotSignal bot = stamps.signal(request.referenceCode(), request.formStamp(), java.time.Instant.now()).orElse(null);
        signing.signOn(slug, request.toInput(), request.toChoices(), request.logoBytes(), new SignOnContext(clientAddress.of(httpRequest), bot),
                null, httpRequest.getHeader("Accept-Language"));
        return Response.accepted(new SignOnAccepted("confirmation-sent",
                "Check your email: follow the link we sent to confirm the signature.")).build();
    }
}
