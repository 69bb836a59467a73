package org.undersigned.imports;

import org.undersigned.signing.OrgType;
import org.undersigned.signing.SignOnInput;
import org.undersigned.signing.SignatoryKind;
import org.undersigned.web.Countries;

import java.util.List;
import java.util.Locale;

/**
 * One row of the file read as a sign-on, through the mapping: a person or an organization, a
 * name from one column or from first and last names, countries and kinds of organization as
 * people write them.
 */
final class ImportedRow {

    private ImportedRow() {
    }

    static SignOnInput toInput(List<String> row, ColumnMapping mapping) {
        String org = mapping.value(row, ImportField.ORGANIZATION_NAME);
        String kindText = mapping.value(row, ImportField.KIND);
        boolean individual = kindText != null
                ? kindText.toLowerCase(Locale.ROOT).matches(".*(individual|person|personal|myself|me).*")
                : org == null;
        String name = mapping.value(row, ImportField.NAME);
        if (name == null) {
            String first = mapping.value(row, ImportField.FIRST_NAME);
            String last = mapping.value(row, ImportField.LAST_NAME);
            name = first == null && last == null ? null : ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        }
        String contactName = mapping.value(row, ImportField.CONTACT_NAME);
        if (contactName == null && !individual) {
            contactName = name;
        }
        return SignOnInput.of(individual ? SignatoryKind.INDIVIDUAL.name() : SignatoryKind.ORGANIZATION.name(),
                org, mapping.value(row, ImportField.WEBSITE), mapping.value(row, ImportField.CITY),
                mapping.value(row, ImportField.REGION), country(mapping.value(row, ImportField.COUNTRY)),
                orgType(mapping.value(row, ImportField.ORG_TYPE)), contactName,
                mapping.value(row, ImportField.CONTACT_TITLE), mapping.value(row, ImportField.EMAIL),
                mapping.value(row, ImportField.PHONE), name, mapping.value(row, ImportField.AFFILIATION), true, false);
    }

    /** An ISO code, an English country name, or a common short form ("USA", "UK"). */
    static String country(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        String upper = t.toUpperCase(Locale.ROOT).replace(".", "");
        if (Countries.isKnown(upper)) {
            return upper;
        }
        switch (upper) {
            case "USA", "UNITED STATES OF AMERICA", "AMERICA" -> {
                return "US";
            }
            case "UK", "GREAT BRITAIN", "ENGLAND", "SCOTLAND", "WALES", "NORTHERN IRELAND" -> {
                return "GB";
            }
            default -> {
                return Countries.all().stream().filter(c -> c.name().equalsIgnoreCase(t)).map(Countries.Country::code)
                        .findFirst().orElse(t);
            }
        }
    }

    /** An org type name or label; anything unrecognised counts as OTHER rather than failing the row. */
    static String orgType(String text) {
        if (text == null) {
            return null;
        }
        for (OrgType t : OrgType.values()) {
            if (t.name().equalsIgnoreCase(text.strip()) || t.label.equalsIgnoreCase(text.strip())) {
                return t.name();
            }
        }
        return OrgType.OTHER.name();
    }
}
