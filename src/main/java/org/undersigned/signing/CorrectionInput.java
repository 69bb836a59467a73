package org.undersigned.signing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.undersigned.web.KnownCountry;
import org.undersigned.web.PlainText;
import org.undersigned.web.PlainTextOnly;

/** What a signer may correct through self-service: how their entry is displayed. */
public record CorrectionInput(
        @NotBlank(message = "{signon.displayName.required}") @Size(max = 200, message = "{signon.tooLong}") @PlainTextOnly
        String displayName,

        @Size(max = 300, message = "{signon.tooLong}") @PlainTextOnly @ValidWebsite
        String website,

        @NotBlank(message = "{signon.city.required}") @Size(max = 100, message = "{signon.tooLong}") @PlainTextOnly
        String city,

        @Size(max = 100, message = "{signon.tooLong}") @PlainTextOnly
        String region,

        @NotBlank(groups = SignOnInput.AsOrganization.class, message = "{signon.country.required}") @KnownCountry
        String country,

        @Size(max = 200, message = "{signon.tooLong}") @PlainTextOnly
        String affiliation) {

    public static final java.util.List<String> FIELD_ORDER =
            java.util.List.of("displayName", "website", "affiliation", "city", "region", "country");

    public static CorrectionInput of(String displayName, String website, String city, String region, String country,
                                     String affiliation) {
        return new CorrectionInput(PlainText.line(displayName), PlainText.line(website), PlainText.line(city),
                PlainText.line(region), PlainText.line(country), PlainText.line(affiliation));
    }
}
