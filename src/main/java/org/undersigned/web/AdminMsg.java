package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Text of the admin side that the public never sees: status messages after an action
 * ({@link Notice}) and the coalition admin pages. English only, like the rest of the admin side
 * (docs/languages.md). Kept apart from {@link Msg}, whose every key is translated, and because
 * Qute 3.33 generates a wrong resolver for a bundle of more than 300 messages: each bundle stays
 * under that.
 */
@MessageBundle("admin")
public interface AdminMsg {

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

    // A partner's embed snippet (issue 13a), on the partners page and the partner staff's page
    @Message("To put the sign-on form on a site, paste this; sign-ons through it count for this partner. The site must be listed on the letter's embed page.")
    String partner_embed_hint();

    @Message("Embed on a site")
    String partner_embed_summary();

    @Message("Your form to embed on your site (your site's address must be listed by the letter's editors):")
    String partner_staff_embed();
}
