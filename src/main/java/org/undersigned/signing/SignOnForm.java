package org.undersigned.signing;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.undersigned.logos.LogoImage;
import org.undersigned.web.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The logo a multipart form sent, read only up to one byte over its limit (enough for the
     * service to refuse it with the right message); null when none was sent.
     */
    public static byte[] logo(FileUpload upload) {
        if (upload == null || upload.size() == 0) {
            return null;
        }
        try (InputStream in = Files.newInputStream(upload.uploadedFile())) {
            return in.readNBytes((int) Math.min(upload.size(), LogoImage.MAX_BYTES + 1L));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The query of the page that answers a sign-on ("check your email"): the partner and the
     * chosen language travel on, so that page can still name who invited the signer, in their
     * language. Empty when there is neither.
     */
    public static String answerQuery(SignOnChoices choices, String lang) {
        List<String> query = new ArrayList<>();
        if (choices.partner() != null) {
            query.add("partner=" + choices.partner());
        }
        Language.parse(lang).map(Language::tag).ifPresent(tag -> query.add("lang=" + tag));
        return query.isEmpty() ? "" : "?" + String.join("&", query);
    }
}
