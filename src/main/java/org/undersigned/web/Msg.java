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

    // Notices after an action (web.Notice)
    @Message("Draft saved.")
    String notice_letter_created();

    @Message("Changes saved.")
    String notice_letter_saved();

    @Message("Published: the letter is open for signatures.")
    String notice_letter_published();

    @Message("Closed for signatures.")
    String notice_letter_closed();

    @Message("Reopened.")
    String notice_letter_reopened();

    @Message("Marked as delivered.")
    String notice_letter_delivered();

    @Message("Tell the signers who asked for updates")
    String notice_letter_delivered_link();

    @Message("Archived.")
    String notice_letter_archived();

    @Message("Access saved.")
    String notice_letter_access_saved();

    @Message("Done.")
    String notice_done();

    @Message("Addresses saved.")
    String notice_addresses_saved();

    @Message("The letter is on its way. The record below shows when the mail server accepted it.")
    String notice_delivery_sent();

    @Message("Saved.")
    String notice_mailing_saved();

    @Message("A test copy is on its way to your own address.")
    String notice_mailing_test_sent();

    @Message("Sending. Each signer gets it once; this page shows the progress.")
    String notice_mailing_sending();

    @Message("Cancelled. Emails not yet handed to the mail server were withdrawn.")
    String notice_mailing_cancelled();

    @Message("Queued again.")
    String notice_mail_retried();

    @Message("Saved. Every instance applies it within seconds.")
    String notice_limits_saved();

    @Message("Your password is changed. Your other sessions have ended.")
    String notice_password_changed();

    @Message("You are signed out.")
    String notice_signed_out();

    @Message("Your new password is saved. Sign in with it.")
    String notice_password_reset();

    @Message("If this address belongs to an account, we have emailed it a link to choose a new password. The link works once, for a short time.")
    String notice_reset_requested();

    @Message("This entry changed")
    String notice_entry_changed();

    @Message("Invitation sent to {email}.")
    String notice_invited(String email);

    @Message("Emailed {count} signer(s) who signed an earlier version.")
    String notice_reconsent_sent(int count);

    @Message("Imported {rows} rows into the vetting queue.")
    String notice_imported(int rows);

    // Coalitions (issue 13): partners, logos, lead signers, categories
    @Message("In partnership with")
    String partners_line();

    @Message("Partner organizations")
    String partners_heading();

    @Message("Lead signers")
    String leads_public_heading();

    @Message("Logo of {name}")
    String logo_alt(String name);

    @Message("Category")
    String field_category();

    @Message("Where your signature belongs on the list.")
    String field_category_hint();

    @Message("Sort name")
    String field_sortName();

    @Message("Your family name, if the list should file you under it (for example “Okafor” for Ada Okafor).")
    String field_sortName_hint();

    @Message("Logo")
    String field_logo();

    @Message("PNG or JPEG, at most 1 MB and 2000 × 2000 pixels. Shown on the letter once the organizers approve it.")
    String field_logo_hint();

    @Message("Share my contact details with {partner}, who invited me (optional).")
    String sign_share_with_partner(String partner);

    @Message("You came through the invitation of {partner}.")
    String sign_invited_by(String partner);

    @Message("Other signatories")
    String category_other();

    @Message("Logos")
    String logos_heading();

    @Message("Logos appear on the letter only once approved. Removing a logo deletes the image.")
    String logos_explained();

    @Message("Waiting for approval")
    String logos_pending();

    @Message("Shown on the letter")
    String logos_shown();

    @Message("None.")
    String logos_none();

    @Message("Approve logo")
    String logo_approve();

    @Message("Remove logo")
    String logo_remove();

    @Message("Lead signers")
    String leads_heading();

    @Message("Lead signers are listed first on the letter and in the PDF, with their logos, in this order.")
    String leads_explained();

    @Message("No lead signers yet.")
    String leads_none();

    @Message("with logo")
    String leads_with_logo();

    @Message("Remove from leads")
    String leads_unmark();

    @Message("Find an approved signatory")
    String leads_find();

    @Message("Name contains")
    String leads_search_label();

    @Message("Search")
    String leads_search();

    @Message("already a lead signer")
    String leads_already();

    @Message("Mark as lead signer")
    String leads_mark();

    @Message("Partners")
    String partners_admin_heading();

    @Message("Signatory categories")
    String categories_heading();

    @Message("Your partner's figures")
    String partner_staff_heading();

    @Message("Download contacts who agreed to share them with you (CSV)")
    String partner_staff_export();

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
