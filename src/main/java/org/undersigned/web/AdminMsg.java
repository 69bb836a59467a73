package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Text of the admin side that the public never sees: status messages after an action
 * ({@link Notice}), rule and validation messages of the services, and admin page text that Java
 * code refers to (labels only templates use are in {@link AdminPageMsg}). English only, like the rest of the admin side
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

    // Issue 13 admin pages: partners (edit, remove, order), categories (order), webhooks, API keys
    @Message("Partner added: its sign-on link is ready.")
    String notice_partner_added();

    @Message("Partner saved. The letter page and the PDF follow.")
    String notice_partner_edited();

    @Message("Partner removed. Nobody had signed on through its link, so nothing else changed.")
    String notice_partner_deleted();

    @Message("Partner retired: it has left the letter page and the PDF and its link no longer attributes sign-ons. The sign-ons that came through it keep their attribution, and admins can still download its consenting contacts.")
    String notice_partner_retired();

    @Message("Partner reinstated: it is back on the page and the PDF, and its link attributes sign-ons again.")
    String notice_partner_reinstated();

    @Message("Invitation sent.")
    String notice_partner_invited();

    @Message("Order saved. The letter page, the lists and the PDF follow it.")
    String notice_order_saved();

    @Message("Events saved.")
    String notice_webhook_events();

    @Message("Trusted: deliveries to this endpoint now carry signers' contact details. This was recorded in the audit trail.")
    String notice_webhook_trusted();

    @Message("No longer trusted: deliveries carry no contact details. This was recorded in the audit trail.")
    String notice_webhook_untrusted();

    @Message("Endpoint deactivated: nothing more is sent to it, and what was still waiting is marked failed.")
    String notice_webhook_deactivated();

    @Message("Delivery queued again for a fresh set of attempts.")
    String notice_webhook_redelivered();

    @Message("Key revoked: requests with it are refused from now on.")
    String notice_api_key_revoked();
    // A partner's embed snippet (issue 13a), on the partners page and the partner staff's page
    // Accounts: invitations, roles, sign-in, passwords (account)
    @Message("Enter an email address like name@example.org.")
    String account_email_invalid();

    @Message("There is already an account with this address.")
    String account_email_taken();

    @Message("Partner staff are invited from a letter's partners page.")
    String account_partner_from_partners_page();

    @Message("You cannot demote yourself")
    String account_demote_self_title();

    @Message("Ask another admin to change your own role or to deactivate your account.")
    String account_demote_self();

    @Message("No partner for this account")
    String account_no_partner_title();

    @Message("Partner staff are invited from a letter's partners page, which ties the account to its partner.")
    String account_no_partner();

    @Message("Send the invitation as a JSON object.")
    String api_invitation_body();

    @Message("Send a role (ADMIN, EDITOR or VETTER) and the account's version.")
    String api_role_change_body();

    @Message("Sign-in refused")
    String signin_refused_title();

    @Message("The email address or password is not right.")
    String signin_refused();

    @Message("Too many attempts")
    String signin_too_many_title();

    @Message("Wait before trying again.")
    String signin_too_many();

    @Message("unknown program")
    String session_unknown_program();

    @Message("Please wait {seconds} second{#if seconds != 1}s{/if} before trying again.")
    String signin_wait_seconds(long seconds);

    @Message("Please wait {minutes} minutes before trying again.")
    String signin_wait_minutes(long minutes);

    @Message("Failed sign-in attempts on your Undersigned account")
    String mail_signin_failures_subject();

    @Message("""
            Hello,

            Someone tried to sign in to your Undersigned account ({email}) with a wrong password {attempts} times in the last {minutes} minutes.

            If that was you, there is nothing to do. If not: your account is not locked and
            you can still sign in; the guesses are slowed down. To be safe, choose a new password:

            {siteUrl}/admin/password-reset
            """)
    String mail_signin_failures(String email, int attempts, long minutes, String siteUrl);

    @Message("Choose a new password for Undersigned")
    String mail_password_reset_subject();

    @Message("""
            Hello {name},

            Someone (we hope you) asked to reset the password of your Undersigned account.
            Choose a new one here; the link works once, until {until}:

            {link}

            If you did not ask for this, ignore this email: your password stays as it is.
            """)
    String mail_password_reset(String name, String until, String link);

    @Message("You are invited to help run coalition letters on Undersigned")
    String mail_invite_subject();

    @Message("""
            Hello {name},

            {inviter} invited you to Undersigned as {role}.

            Choose your password here (the link works until {until}):

            {link}

            If you were not expecting this, ignore this email.
            """)
    String mail_invite(String name, String inviter, String role, String until, String link);

    // Rate limits (abuse)
    @Message("Send \\{\"perMinute\": n, \"burst\": n}.")
    String api_rate_limit_body();

    // Imports (imports)
    @Message("The same signer as row {row}.")
    String imports_same_signer_as_row(int row);

    @Message("Already on this letter (same email and signer).")
    String imports_already_on_letter();

    @Message("The import failed and nothing was added. You can check the file again and retry.")
    String imports_failed();

    // Mailings and the vetters' digest (mailing)
    @Message("The number of recipients has changed")
    String mailing_recipients_changed_title();

    @Message("You confirmed {expected} recipients, but there are now {now}. Nothing was sent: check the number and confirm again.")
    String mailing_recipients_changed(long expected, long now);

    @Message("No such mailing")
    String mailing_not_found_title();

    @Message("There is no mailing with that number.")
    String mailing_not_found();

    @Message("Keep the subject under {max} characters.")
    String mailing_subject_too_long(int max);

    @Message("Keep the text under {max} characters.")
    String mailing_body_too_long(int max);

    @Message("[Test] {subject}")
    String mailing_test_subject(String subject);

    @Message("""
            This is a test of a mailing to the signers of "{title}".
            Each signer's copy starts with a greeting and ends with a one-click unsubscribe link.

            {body}""")
    String mailing_test(String title, String body);

    @Message("{count} {#if count == 1}entry waits{#else}entries wait{/if} for review: {title}")
    String mail_vetter_digest_subject(long count, String title);

    @Message("""
            Hello {name},

            {count} {#if count == 1}entry waits{#else}entries wait{/if} for review on "{title}".
            The oldest has waited since {oldest}.

            Review them: {link}

            You get at most one of these per letter every {hours} hours.
            """)
    String mail_vetter_digest(String name, long count, String title, String oldest, String link, long hours);

    // Vetting and invalidations (vetting)
    @Message("Someone else decided or changed this entry while you were looking at it. It is now {state}. Reload the queue to see it.")
    String vetting_entry_changed_meanwhile(String state);

    @Message("{count} approved.")
    String notice_vetting_approved(int count);

    @Message("Rejected.")
    String notice_vetting_rejected();

    @Message("Marked as a duplicate.")
    String notice_vetting_duplicate();

    @Message("Back in the queue.")
    String notice_vetting_reopened();

    @Message("Approving the matching entries in the background; the progress is shown below.")
    String notice_vetting_bulk_started();

    @Message("Approving {count} matching entries in the background; the progress is shown below.")
    String notice_vetting_bulk_started_count(int count);

    @Message("{notice} Not approved because someone else decided them first: {entries}.")
    String notice_vetting_with_conflicts(String notice, String entries);

    @Message("{count} entr{#if count == 1}y{#else}ies{/if} invalidated{#if background} (all but the first {chunk} in the background: see the progress below){/if}. You can reverse this below.")
    String notice_invalidated(int count, boolean background, int chunk);

    @Message("{count} entr{#if count == 1}y{#else}ies{/if} restored to the state they had{#if background}, the rest in the background (see the progress below){/if}.")
    String notice_invalidation_reversed(int count, boolean background);

    @Message("from {range}")
    String invalidation_from_range(String range);

    @Message("email @{domain}")
    String invalidation_email_domain(String domain);

    @Message("signed {#if from}from {from} {/if}{#if until}until {until}{/if}")
    String invalidation_window(String from, String until);

    @Message("same name")
    String duplicate_reason_name();

    @Message("same website")
    String duplicate_reason_website();

    @Message("same email")
    String duplicate_reason_email();

    // Letters and their delivery (letter)
    @Message("Draft: only admins can see it.")
    String letter_state_draft();

    @Message("Open, but the deadline has passed: it closes within a minute.")
    String letter_state_open_deadline_passed();

    @Message("Open for signatures{#if deadline} until {deadline}.{#else} (no deadline).{/if}")
    String letter_state_open(String deadline);

    @Message("Closed on {date}.")
    String letter_state_closed(String date);

    @Message("Delivered to {to} on {date}{#if how} ({how}).{#else}.{/if}")
    String letter_state_delivered(String to, String date, String how);

    @Message("Archived on {date}.")
    String letter_state_archived(String date);

    @Message("Give at most {max} addresses.")
    String delivery_too_many_addresses(int max);

    @Message("“{address}” is not an email address.")
    String delivery_not_an_address(String address);

    // Rules and input checks: Imports (imports): uploads, mappings, runs
    @Message("The file is empty.")
    String imports_file_empty();

    @Message("This does not read as a CSV file (check for an unclosed quotation mark).")
    String imports_file_not_csv();

    @Message("Choose the column that holds email addresses.")
    String imports_email_column_required();

    @Message("Choose the column with organization names, or the one with people's names.")
    String imports_name_column_required();

    @Message("Choose a CSV file to upload.")
    String imports_file_required();

    @Message("The file is larger than 5 MB; split it into smaller files.")
    String imports_file_too_large();

    @Message("The file has a header row but no rows under it.")
    String imports_file_no_rows();

    @Message("The file has more than 50,000 rows; split it.")
    String imports_file_too_many_rows();

    @Message("Already imported")
    String imports_already_imported_title();

    @Message("This file has been imported; upload it again to import more.")
    String imports_already_imported();

    @Message("Check the file first")
    String imports_check_first_title();

    @Message("Look at the report of problems before importing.")
    String imports_check_first();

    @Message("This import changed since you looked at its report (or it is already running).")
    String imports_changed_meanwhile();

    @Message("Send the import's version from its last check.")
    String api_import_version_required();

    // Rules and input checks: Mailings (mailing)
    @Message("Choose the update to send.")
    String mailing_update_required();

    @Message("That update is not on this letter.")
    String mailing_update_not_on_letter();

    @Message("Enter a subject.")
    String mailing_subject_required();

    @Message("Enter the text of the email.")
    String mailing_body_required();

    // Rules and input checks: Vetting and invalidations (vetting)
    @Message("No live entries match these criteria, so there is nothing to invalidate.")
    String vetting_invalidation_matches_nothing();

    @Message("Enter an IP address (203.0.113.7) or a range (203.0.113.0/24).")
    String vetting_client_range_invalid();

    @Message("Enter a domain such as example.org.")
    String vetting_email_domain_invalid();

    @Message("The end of the window must be after its start.")
    String vetting_window_end_before_start();

    @Message("Give at least one of: client address, email domain, time window.")
    String vetting_criteria_required();

    @Message("A time window on its own needs both a start and an end.")
    String vetting_window_needs_both_ends();

    @Message("Say why, for the audit trail (e.g. \"bot flood from one address on 12 May\").")
    String vetting_reason_required();

    @Message("Use 500 characters or fewer.")
    String vetting_reason_too_long();

    @Message("Give the number of the original entry.")
    String api_duplicate_original_required();

    @Message("Send the entry's version as you last read it, so a decision never overwrites someone else's.")
    String api_entry_version_required();

    @Message("No entries waiting for review match this filter.")
    String vetting_bulk_matches_nothing();

    @Message("Enter a date and time such as 2026-05-12T14:30.")
    String vetting_date_time_invalid();

    @Message("There is no entry with that number.")
    String vetting_original_not_found();

    @Message("Someone else decided some of these entries at the same moment. Nothing was changed; reload the queue and try again.")
    String vetting_bulk_decided_meanwhile();

    @Message("Someone else decided this entry at the same moment. Reload the queue to see it.")
    String vetting_decided_meanwhile();

    @Message("This invalidation was already reversed.")
    String vetting_invalidation_already_reversed();

    @Message("Send the criteria as a JSON object.")
    String api_invalidation_body();

    // Rules and input checks: Letters: editing, lifecycle, categories, partners, translations, updates, delivery (letter)

    @Message("Use lower-case letters, digits and hyphens (at most 40).")
    String letter_partner_code_shape();

    @Message("Another partner of this letter has that link code.")
    String letter_partner_code_taken();

    @Message("Enter the category's name.")
    String letter_category_name_required();

    @Message("At most 100 characters.")
    String letter_at_most_100_characters();

    @Message("The letter already has that category.")
    String letter_category_taken();

    @Message("A letter can have at most 50 categories.")
    String letter_category_limit();

    @Message("Category in use")
    String letter_category_in_use_title();

    @Message("Signatories have picked this category, so it stays.")
    String letter_category_in_use();

    @Message("Close the letter first")
    String letter_deliver_close_first_title();

    @Message("A letter is delivered once it no longer takes signatures: close it, then deliver it.")
    String letter_deliver_close_first();

    @Message("Give the addressees' email addresses first.")
    String letter_deliver_addresses_required();

    @Message("Enter the new deadline as a date and time, or leave it empty.")
    String letter_new_deadline_unreadable();

    @Message("Enter the date as year-month-day, e.g. 2021-05-18.")
    String letter_update_date_unreadable();

    @Message("This letter is final")
    String letter_final_title();

    @Message("A delivered or archived letter can no longer be changed.")
    String letter_final();

    @Message("An open letter's deadline must be in the future (close the letter to stop sign-on now).")
    String letter_open_deadline_in_past();

    @Message("A published letter keeps its web address: links to it are already out there.")
    String letter_published_slug_fixed();

    @Message("Enter the date the letter was delivered.")
    String letter_delivered_on_required();

    @Message("The delivery date cannot be in the future.")
    String letter_delivered_on_future();

    @Message("Enter who received the letter (300 characters at most).")
    String letter_delivered_to_required();

    @Message("Use 300 characters or fewer.")
    String letter_delivered_how_too_long();

    @Message("Enter the update's date.")
    String letter_update_date_required();

    @Message("Write the update.")
    String letter_update_text_required();

    @Message("Use at most 20,000 characters, without control characters.")
    String letter_update_text_too_long();

    @Message("Someone else saved this letter while you were editing it. Reload the page to see their changes, then make yours again.")
    String letter_saved_meanwhile();

    @Message("Send the letter's version as you read it.")
    String api_letter_version_required();

    @Message("Send the letter as a JSON object.")
    String api_letter_body();

    @Message("Enter a language code such as en, es, fr or pt-BR.")
    String letter_language_invalid();

    @Message("The letter already has a translation into this language; remove it first.")
    String letter_translation_exists();

    @Message("This letter is archived")
    String letter_archived_title();

    @Message("An archived letter can no longer be changed.")
    String letter_archived();

    @Message("Enter a language code such as es, fr or pt-BR.")
    String letter_translation_language_invalid();

    @Message("The letter is written in this language already; choose another one.")
    String letter_translation_same_language();

    @Message("Enter the translated title.")
    String letter_translation_title_required();

    @Message("Use at most 200 characters, without control characters.")
    String letter_translation_title_invalid();

    @Message("Enter the translated addressees.")
    String letter_translation_addressees_required();

    @Message("Use at most 300 characters, without control characters.")
    String letter_translation_addressees_invalid();

    @Message("Write the translated text.")
    String letter_translation_body_required();

    @Message("Use at most 100,000 characters, without control characters.")
    String letter_translation_body_invalid();

    @Message("The deadline has passed")
    String letter_deadline_passed_title();

    @Message("Set a sign-on deadline in the future, or none, before publishing.")
    String letter_publish_deadline_passed();

    @Message("To reopen the letter, give a deadline in the future, or none.")
    String letter_reopen_deadline_passed();

    @Message("The letter's language is fixed")
    String letter_language_fixed_title();

    @Message("A published letter stays in the language it was published in; add a translation instead.")
    String letter_language_fixed();

    // Rules and input checks: Re-consent requests (signing.Reconsent)
    @Message("Write a short summary of what changed (5,000 characters at most).")
    String reconsent_summary_required();

    @Message("Nothing to ask about")
    String reconsent_nothing_changed_title();

    @Message("The text has not changed since the letter was published.")
    String reconsent_nothing_changed();

    // Partners and categories: moves, logos, retired partners (issue 13)
    @Message("Choose up or down.")
    String letter_move_direction();

    @Message("Either send a new logo or remove the current one, not both.")
    String letter_partner_logo_either();

    @Message("Partner retired")
    String letter_partner_retired_title();

    @Message("A retired partner is not listed, so it has no place to move.")
    String letter_partner_retired_no_move();

    @Message("Enter the partner's name.")
    String letter_partner_name_required();

    @Message("At most 200 characters.")
    String letter_at_most_200_characters();

    @Message("Enter a web address such as example.org.")
    String letter_partner_website_invalid();

    // Rules of entries, lead signers, API keys and webhooks
    @Message("Not a duplicate of that entry")
    String signature_not_duplicate_title();

    @Message("An entry can only duplicate another entry on the same letter.")
    String signature_not_duplicate();

    @Message("Name the integration (up to 200 characters), e.g. “CRM sync”.")
    String api_key_name_required();

    @Message("Already revoked")
    String api_key_already_revoked_title();

    @Message("This key was revoked on {when}.")
    String api_key_already_revoked(String when);

    @Message("Not on the public list")
    String leads_not_public_title();

    @Message("Only approved entries can be lead signers.")
    String leads_not_public();

    @Message("Too many lead signers")
    String leads_too_many_title();

    @Message("A letter can have at most {max} lead signers.")
    String leads_too_many(int max);

    @Message("A retired partner's staff have no page to see.")
    String partner_retired_no_staff_page();

    @Message("There is no such letter.")
    String webhooks_no_such_letter();

    @Message("Endpoint not active")
    String webhooks_endpoint_inactive_title();

    @Message("This endpoint was deactivated.")
    String webhooks_endpoint_inactive();

    @Message("Enter the receiver's full address, starting with https://.")
    String webhooks_url_invalid();

    @Message("Unknown event \"{event}\"; choose from signature.confirmed, signature.approved, signature.withdrawn, letter.state_changed.")
    String webhooks_unknown_event(String event);

    @Message("Choose at least one event.")
    String webhooks_no_event();

    @Message("Choose a letter, or none for every letter.")
    String webhooks_choose_letter();
}
