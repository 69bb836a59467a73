package org.undersigned.signing;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.undersigned.web.EnumName;
import org.undersigned.web.KnownCountry;
import org.undersigned.web.PlainText;
import org.undersigned.web.PlainTextOnly;

import java.util.List;
import java.util.Optional;

/**
 * A sign-on as submitted, cleaned ({@link PlainText#line}) but not yet validated. The same
 * record backs the HTML form (so the form comes back with what the person typed) and the API.
 * Size limits and character checks always apply; "required" depends on who is signing.
 */
@io.quarkus.qute.TemplateData
public record SignOnInput(
        String kind,

        @NotBlank(groups = AsOrganization.class, message = "{signon.organizationName.required}")
        @Size(max = 200, message = "{signon.tooLong}") @PlainTextOnly
        String organizationName,

        @Size(max = 300, message = "{signon.tooLong}") @PlainTextOnly @ValidWebsite
        String website,

        @NotBlank(groups = {AsOrganization.class, AsIndividual.class}, message = "{signon.city.required}")
        @Size(max = 100, message = "{signon.tooLong}") @PlainTextOnly
        String city,

        @Size(max = 100, message = "{signon.tooLong}") @PlainTextOnly
        String region,

        @NotBlank(groups = AsOrganization.class, message = "{signon.country.required}") @KnownCountry
        String country,

        @NotBlank(groups = AsOrganization.class, message = "{signon.orgType.required}") @EnumName(OrgType.class)
        String orgType,

        @NotBlank(groups = AsOrganization.class, message = "{signon.contactName.required}")
        @Size(max = 200, message = "{signon.tooLong}") @PlainTextOnly
        String contactName,

        @NotBlank(groups = AsOrganization.class, message = "{signon.contactTitle.required}")
        @Size(max = 200, message = "{signon.tooLong}") @PlainTextOnly
        String contactTitle,

        @NotBlank(message = "{signon.email.required}")
        @Size(max = 254, message = "{signon.tooLong}") @ValidEmail
        String email,

        @Size(max = 40, message = "{signon.tooLong}") @Pattern(regexp = "^[0-9+()./ -]*$", message = "{signon.phone}")
        String phone,

        @NotBlank(groups = AsIndividual.class, message = "{signon.name.required}")
        @Size(max = 200, message = "{signon.tooLong}") @PlainTextOnly
        String name,

        @Size(max = 200, message = "{signon.tooLong}") @PlainTextOnly
        String affiliation,

        @AssertTrue(message = "{signon.consentPublic.required}")
        boolean consentPublic,

        boolean consentUpdates) {

    /** Validation group: required when signing for an organization. */
    public interface AsOrganization {
    }

    /** Validation group: required when signing as an individual. */
    public interface AsIndividual {
    }

    /** The order fields appear in the form: the error summary follows it. */
    public static final List<String> FIELD_ORDER = List.of("kind", "organizationName", "website", "city", "region",
            "country", "orgType", "contactName", "contactTitle", "name", "affiliation", "email", "phone", "consentPublic");

    /** Cleans raw values; fields that do not belong to the chosen kind are dropped. */
    public static SignOnInput of(String kind, String organizationName, String website, String city, String region,
                                 String country, String orgType, String contactName, String contactTitle, String email,
                                 String phone, String name, String affiliation, boolean consentPublic,
                                 boolean consentUpdates) {
        String k = PlainText.line(kind);
        boolean org = !SignatoryKind.INDIVIDUAL.name().equals(k);
        return new SignOnInput(
                k == null ? SignatoryKind.ORGANIZATION.name() : k,
                org ? PlainText.line(organizationName) : null,
                org ? PlainText.line(website) : null,
                PlainText.line(city),
                PlainText.line(region),
                org ? PlainText.line(country) : null,
                org ? PlainText.line(orgType) : null,
                org ? PlainText.line(contactName) : null,
                org ? PlainText.line(contactTitle) : null,
                PlainText.line(email),
                org ? PlainText.line(phone) : null,
                org ? null : PlainText.line(name),
                org ? null : PlainText.line(affiliation),
                consentPublic,
                consentUpdates);
    }

    /** An empty form for the given kind. */
    public static SignOnInput blank(SignatoryKind kind) {
        return new SignOnInput(kind.name(), null, null, null, null, null, null, null, null, null, null, null, null,
                false, false);
    }

    public Optional<SignatoryKind> signatoryKind() {
        try {
            return Optional.of(SignatoryKind.valueOf(kind));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public boolean isIndividual() {
        return SignatoryKind.INDIVIDUAL.name().equals(kind);
    }

    /** The name the letter will show. */
    public String displayName() {
        return isIndividual() ? name : organizationName;
    }
}
