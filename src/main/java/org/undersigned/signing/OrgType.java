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

    /** The label in the reader's language (the English one is also {@link #label}, for admin pages). */
    public String label(org.undersigned.web.Msg msg) {
        return switch (this) {
            case ADVOCACY -> msg.orgtype_ADVOCACY();
            case COMMUNITY -> msg.orgtype_COMMUNITY();
            case LEGAL -> msg.orgtype_LEGAL();
            case BAIL_FUND -> msg.orgtype_BAIL_FUND();
            case LABOR -> msg.orgtype_LABOR();
            case HOUSING -> msg.orgtype_HOUSING();
            case FAITH -> msg.orgtype_FAITH();
            case ACADEMIC -> msg.orgtype_ACADEMIC();
            case MEDIA_TECH -> msg.orgtype_MEDIA_TECH();
            case BUSINESS -> msg.orgtype_BUSINESS();
            case OTHER -> msg.orgtype_OTHER();
        };
    }

    public static Optional<OrgType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.name().equals(value)).findFirst();
    }
}
