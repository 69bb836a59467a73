package org.undersigned.signing;

import org.jboss.resteasy.reactive.RestForm;

/** The sign-on form as posted by a browser. */
public class SignOnForm {

    @RestForm public String kind;
    @RestForm public String organizationName;
    @RestForm public String website;
    @RestForm public String city;
    @RestForm public String region;
    @RestForm public String country;
    @RestForm public String orgType;
    @RestForm public String contactName;
    @RestForm public String contactTitle;
    @RestForm public String email;
    @RestForm public String phone;
    @RestForm public String name;
    @RestForm public String affiliation;
    @RestForm public String consentPublic;
    @RestForm public String consentUpdates;
    /** The partner whose link brought the signer: carried by the link into this hidden field, never a cookie. */
    @RestForm public String partner;
    @RestForm public String shareWithPartner;
    @RestForm public String category;
    @RestForm public String sortName;
    /** When the form was served, signed: see {@link org.undersigned.abuse.FormStamps}. */
    @RestForm public String formStamp;
    /** The field people never see; see {@link SignOnFormView#HONEYPOT}. */
    @RestForm(SignOnFormView.HONEYPOT) public String honeypot;

    public SignOnChoices toChoices() {
        return SignOnChoices.of(partner, "yes".equals(shareWithPartner), category,
                SignatoryKind.INDIVIDUAL.name().equals(kind) ? sortName : null);
    }

    public SignOnInput toInput() {
        return SignOnInput.of(kind, organizationName, website, city, region, country, orgType, contactName,
                contactTitle, email, phone, name, affiliation, "yes".equals(consentPublic), "yes".equals(consentUpdates));
    }
}
