package org.undersigned.signing;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of organizations that sign coalition letters; shown publicly and used for grouping. */
public enum OrgType {
    ADVOCACY("Advocacy or civil-rights organization"),
    COMMUNITY("Community or grassroots group"),
    LEGAL("Legal services, law clinic or bar group"),
    BAIL_FUND("Bail fund or criminal-legal reform group"),
    LABOR("Labor union or workers' organization"),
    HOUSING("Tenant union or housing group"),
    FAITH("Faith-based organization"),
    ACADEMIC("Academic or research institution"),
    MEDIA_TECH("Media or technology organization"),
    BUSINESS("Business"),
    OTHER("Other");

    public final String label;

    OrgType(String label) {
        this.label = label;
    }

    public static Optional<OrgType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.name().equals(value)).findFirst();
    }
}
