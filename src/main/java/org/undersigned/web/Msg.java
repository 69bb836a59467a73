package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * User-facing text used across pages: labels, buttons, headings. Templates use it as
 * {@code {msg:sign_button}}; a translation is a {@code messages/msg_xx.properties} file.
 */
@MessageBundle
public interface Msg {

    @Message("Undersigned")
    String site_name();

    @Message("Coalition sign-on letters")
    String site_tagline();

    @Message("Skip to main content")
    String skip_link();

    @Message("There is a problem")
    String error_summary_title();

    @Message("Error:")
    String error_prefix();

    @Message("(optional)")
    String optional();

    @Message("Undersigned keeps what you give it to the minimum: contact details are never published, and this site uses no trackers, cookies or third-party services.")
    String footer_privacy();

    // Letters
    @Message("Open letters")
    String home_open();

    @Message("Recently delivered")
    String home_delivered();

    @Message("There are no open letters right now.")
    String home_none_open();

    @Message("To")
    String letter_to();

    @Message("From")
    String letter_from();

    @Message("Updates")
    String letter_updates();

    @Message("The letter")
    String letter_text();

    @Message("Signatories")
    String letter_signatories();

    @Message("Organizations")
    String letter_organizations();

    @Message("Individuals")
    String letter_individuals();

    @Message("affiliation for identification only")
    String letter_identification_only();

    @Message("See all {count} signatories, with search")
    String letter_see_all(String count);

    @Message("Sign-on closes {deadline}.")
    String letter_deadline(String deadline);

    @Message("Press contact")
    String letter_press_contact();

    // Sign-on form
    @Message("Add your signature")
    String sign_heading();

    @Message("Sign on behalf of an organization")
    String sign_as_organization();

    @Message("Sign as an individual")
    String sign_as_individual();

    @Message("Signing for an organization instead?")
    String sign_switch_to_organization();

    @Message("Signing as an individual instead?")
    String sign_switch_to_individual();

    @Message("Organization name")
    String field_organizationName();

    @Message("Website")
    String field_website();

    @Message("City or town")
    String field_city();

    @Message("State, province or region")
    String field_region();

    @Message("Country")
    String field_country();

    @Message("Kind of organization")
    String field_orgType();

    @Message("Contact person's name")
    String field_contactName();

    @Message("Contact person's title or role")
    String field_contactTitle();

    @Message("Email address")
    String field_email();

    @Message("Phone number")
    String field_phone();

    @Message("Your name")
    String field_name();

    @Message("Affiliation")
    String field_affiliation();

    @Message("Name to show on the letter")
    String field_displayName();

    @Message("Choose…")
    String field_choose();

    @Message("Sign the letter")
    String sign_button();

    @Message("Get a link to manage your signature")
    String lost_link();

    // Reach (issue 13): sharing, embeds, badges
    @Message("Share this letter")
    String share_heading();

    @Message("Ask others to sign too. These are plain links: nothing is loaded from these services until you click one.")
    String share_intro();

    @Message("Email")
    String share_email();

    @Message("Copy this link")
    String share_copy_link();

    @Message("Please sign this letter: {title}")
    String share_text(String title);

    @Message("Sign this letter")
    String embed_heading();

    @Message("Check your email")
    String embed_signed_heading();

    @Message("We have sent a link to the address you gave. Follow it to confirm your signature.")
    String embed_signed_text();

    @Message("Read the whole letter on its own page")
    String embed_read_letter();

    @Message("This letter is no longer collecting signatures. Thank you for your support.")
    String embed_closed();

    @Message("{count} signatories")
    String badge_count(String count);

    @Message("signatories")
    String share_image_signatories();
}
