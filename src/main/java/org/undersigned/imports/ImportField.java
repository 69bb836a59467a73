package org.undersigned.imports;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Our fields, and the column headers that usually carry them in exports from Google Forms,
 * Action Network, spreadsheets and other petition tools.
 */
public enum ImportField {
    KIND("Organization or individual", "type", "kind", "signing as", "signer type"),
    ORGANIZATION_NAME("Organization name", "organization", "organization name", "organisation", "organisation name",
            "org", "org name", "group", "group name", "name of organization", "name of your organization", "organization/group"),
    WEBSITE("Website", "website", "web site", "url", "organization website", "homepage", "web"),
    CITY("City", "city", "town", "city/town", "can2_user_city"),
    REGION("State or region", "state", "region", "province", "state/region", "state/province", "can2_state_abbreviated"),
    COUNTRY("Country", "country", "country code", "nation"),
    ORG_TYPE("Kind of organization", "organization type", "org type", "type of organization", "sector"),
    CONTACT_NAME("Contact name", "contact name", "contact", "contact person", "your name", "full name"),
    CONTACT_TITLE("Contact title", "title", "contact title", "position", "role", "job title"),
    EMAIL("Email", "email", "email address", "e-mail", "e-mail address", "contact email"),
    PHONE("Phone", "phone", "phone number", "telephone", "mobile", "phone_number"),
    NAME("Individual's name", "name", "signer name", "individual name"),
    FIRST_NAME("First name", "first name", "first_name", "given name", "firstname"),
    LAST_NAME("Last name", "last name", "last_name", "surname", "family name", "lastname"),
    AFFILIATION("Affiliation", "affiliation", "institution", "employer", "affiliation (for identification)");

    public final String label;
    private final List<String> headers;

    ImportField(String label, String... headers) {
        this.label = label;
        this.headers = List.of(headers);
    }

    /** Whether a column header looks like this field: case, accents, punctuation and spacing ignored. */
    public boolean matches(String header) {
        String h = normalize(header);
        return headers.stream().anyMatch(candidate -> normalize(candidate).equals(h));
    }

    static String normalize(String header) {
        String s = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
