package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every user-facing string of the public pages, the signer's pages and the signer's emails. Templates
 * use it as {@code {msg:sign_button}}; Java code through {@link Languages#msg}. These are the English
 * texts; a translation is one file, {@code messages/msg_<language>.properties}, with every key (a
 * test fails when one is missing). Admin pages are in English.
 */
@MessageBundle
public interface Msg {

    // The bundle's own language, for <html lang dir>
    @Message("en")
    String lang_tag();

    @Message("ltr")
    String lang_dir();

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

    @Message("Read this page in")
    String languages_label();

    @Message("See the letters")
    String see_letters();

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

    @Message("Search the signatories")
    String letter_search_signatories();

    @Message("Press contact")
    String letter_press_contact();

    @Message("The text was last changed on {date} (version {version}).")
    String letter_text_changed(String date, int version);

    @Message("Text version {version}, SHA-256")
    String letter_digest(int version);

    @Message("Translation into {language} of text version {version}, SHA-256")
    String letter_translation_digest(int version, String language);

    @Message("This is a translation. The letter was written in {language}.")
    String letter_translation_note(String language);

    @Message("This letter has not been translated into {language} yet (or its translation is being updated); here it is as written.")
    String letter_not_translated(String language);

    @Message("Download the letter with all signatories (PDF)")
    String letter_pdf_link();

    @Message("For the press")
    String letter_press_link();

    // State notes

    @Message("Sign-on closes {deadline}.")
    String state_closes(String deadline);

    @Message("Sign-on closed.")
    String state_closed();

    @Message("Sign-on closed on {date}.")
    String state_closed_on(String date);

    @Message("Delivered on {date}.")
    String state_delivered(String date);

    @Message("Delivered to {to} on {date}.")
    String state_delivered_to(String to, String date);

    @Message("Delivered on {date} ({how}).")
    String state_delivered_how(String date, String how);

    @Message("Delivered to {to} on {date} ({how}).")
    String state_delivered_to_how(String to, String date, String how);

    @Message("This letter is archived.")
    String state_archived();

    @Message("Draft.")
    String state_draft();

    // Counts
    @Message("No signatures yet")
    String count_none();

    @Message("{#if n == 1}{count} organization{#else}{count} organizations{/if}")
    String count_organizations(long n, String count);

    @Message("{#if n == 1}{count} individual{#else}{count} individuals{/if}")
    String count_individuals(long n, String count);

    @Message("Signed by {who}")
    String count_signed_by(String who);

    @Message("Signed by {orgs} and {people}")
    String count_signed_by_both(String orgs, String people);

    // Signatory list page
    @Message("Signatories: {title}")
    String signatories_title(String title);

    @Message("Of “{title}”.")
    String signatories_of(String title);

    @Message("Search by name")
    String search_label();

    @Message("Search")
    String search_button();

    @Message("{#if n == 1}{count} match{#else}{count} matches{/if} for “{query}”.")
    String search_matches(long n, String count, String query);

    @Message("Show everyone")
    String search_show_everyone();

    @Message("Pages")
    String pager_label();

    @Message("← Previous")
    String pager_previous();

    @Message("Next →")
    String pager_next();

    @Message("Page {page} of {pages}")
    String pager_position(int page, int pages);

    // Sign-on form
    @Message("Add your signature")
    String sign_heading();

    @Message("Sign: {title}")
    String sign_page_title(String title);

    @Message("Sign “{title}”")
    String sign_page_heading(String title);

    @Message("This letter is no longer collecting signatures. Thank you for your support.")
    String sign_closed();

    @Message("Sign on behalf of an organization")
    String sign_as_organization();

    @Message("Sign as an individual")
    String sign_as_individual();

    @Message("Signing for an organization instead?")
    String sign_switch_to_organization();

    @Message("Signing as an individual instead?")
    String sign_switch_to_individual();

    @Message("Leave this field empty")
    String sign_honeypot();

    @Message("Your organization or role, listed for identification only, e.g. “Professor of Law, State University”.")
    String sign_affiliation_hint();

    @Message("We send a link to confirm your signature. Your address is never published.")
    String sign_email_hint_individual();

    @Message("I agree that my name, affiliation and city will be shown publicly as a signatory of this letter.")
    String sign_consent_public_individual();

    @Message("Your organization")
    String sign_your_organization();

    @Message("(shown on the letter)")
    String sign_shown_on_letter();

    @Message("As it should appear on the letter.")
    String sign_organization_hint();

    @Message("Helps the organizers confirm it is really your organization, e.g. example.org.")
    String sign_website_hint();

    @Message("Contact person")
    String sign_contact_person();

    @Message("(private)")
    String sign_private();

    @Message("Only the organizers see these details, to check the sign-on. They are never published.")
    String sign_contact_hint();

    @Message("We send a link to confirm the signature. An address at your organization's domain helps the organizers.")
    String sign_email_hint_organization();

    @Message("We agree that our organization's name, city and country will be shown publicly as a signatory of this letter.")
    String sign_consent_public_organization();

    @Message("Email me updates about this campaign (optional). We will not use your address for anything else.")
    String sign_consent_updates();

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

    // Reach (issue 13): sharing, embeds, badges
    @Message("Share this letter")
    String share_heading();

    @Message("Ask others to sign too. These are plain links: nothing is loaded from these services until you click one.")
    String share_intro();

    @Message("Copy this link")
    String share_copy_link();

    @Message("Please sign this letter: {title}")
    String share_text(String title);

    @Message("Sign this letter")
    String embed_heading();

    @Message("We have sent a link to the address you gave. Follow it to confirm your signature.")
    String embed_signed_text();

    @Message("Read the whole letter on its own page")
    String embed_read_letter();

    @Message("{count} signatories")
    String badge_count(String count);

    @Message("Already signed?")
    String lost_link_already();

    // Kinds of organization
    @Message("Advocacy or civil-rights organization")
    String orgtype_ADVOCACY();

    @Message("Community or grassroots group")
    String orgtype_COMMUNITY();

    @Message("Legal services, law clinic or bar group")
    String orgtype_LEGAL();

    @Message("Bail fund or criminal-legal reform group")
    String orgtype_BAIL_FUND();

    @Message("Labor union or workers' organization")
    String orgtype_LABOR();

    @Message("Tenant union or housing group")
    String orgtype_HOUSING();

    @Message("Faith-based organization")
    String orgtype_FAITH();

    @Message("Academic or research institution")
    String orgtype_ACADEMIC();

    @Message("Media or technology organization")
    String orgtype_MEDIA_TECH();

    @Message("Business")
    String orgtype_BUSINESS();

    @Message("Other")
    String orgtype_OTHER();

    // After signing
    @Message("Check your email")
    String signed_title();

    @Message("We have sent a link to the address you gave. Follow it to confirm your signature on “{title}”.")
    String signed_lede(String title);

    @Message("The link works for 48 hours. If it does not arrive within a few minutes, check your spam folder, or")
    String signed_no_email();

    @Message("ask for a fresh link")
    String signed_fresh_link();

    @Message("Once you confirm, the organizers review each signature before it appears on the letter.")
    String signed_review();

    @Message("Back to the letter")
    String back_to_letter();

    // Confirmation
    @Message("Confirm your signature")
    String confirm_title();

    @Message("You are about to sign “{title}” on behalf of {name}.")
    String confirm_lede_organization(String title, String name);

    @Message("You are about to sign “{title}” as {name}.")
    String confirm_lede_individual(String title, String name);

    @Message("Confirm my signature")
    String confirm_button();

    @Message("Confirming needs a click on purpose, so a mail program that opens links to check them cannot sign for you.")
    String confirm_hint();

    // Entry details
    @Message("Organization")
    String entry_organization();

    @Message("Name")
    String entry_name();

    @Message("Place")
    String entry_place();

    @Message("Email")
    String entry_email();

    @Message("Phone")
    String entry_phone();

    @Message("Campaign updates by email")
    String entry_updates();

    @Message("Yes")
    String entry_yes();

    @Message("No")
    String entry_no();

    @Message("Signed")
    String entry_signed();

    @Message("{date}, text version {version}")
    String entry_signed_on(String date, int version);

    // Signature states, as the signer reads them
    @Message("Waiting for you to confirm your email address")
    String state_label_UNCONFIRMED();

    @Message("Waiting for review")
    String state_label_PENDING_REVIEW();

    @Message("Approved and shown on the letter")
    String state_label_APPROVED();

    @Message("Not accepted")
    String state_label_REJECTED();

    @Message("Already on the letter under another entry")
    String state_label_DUPLICATE();

    @Message("Withdrawn")
    String state_label_WITHDRAWN();

    @Message("On hold")
    String state_label_INVALIDATED();

    @Message("Follow the link in the email we sent you to confirm your signature.")
    String state_explain_UNCONFIRMED();

    @Message("The organizers check every signature before it appears on the letter. We will email you when yours has been reviewed.")
    String state_explain_PENDING_REVIEW();

    @Message("Your signature is on the public letter.")
    String state_explain_APPROVED();

    @Message("The organizers did not add this signature to the letter. If you think that is a mistake, contact the coalition.")
    String state_explain_REJECTED();

    @Message("The organizers found that this signer is already on the letter, so this entry is not shown twice.")
    String state_explain_DUPLICATE();

    @Message("Your signature is no longer on the letter.")
    String state_explain_WITHDRAWN();

    @Message("The organizers set this entry aside while they look into a flood of automated sign-ons. If you signed yourself, contact the coalition and they can restore it.")
    String state_explain_INVALIDATED();

    // Self-service
    @Message("Your signature")
    String manage_title();

    @Message("Thank you, your signature is confirmed")
    String manage_confirmed_heading();

    @Message("Keep this page's address (bookmark it): it lets you correct or withdraw your signature later.")
    String manage_bookmark();

    @Message("Your changes are saved.")
    String manage_saved();

    @Message("Thank you: your signature now stands on the current text (version {version}).")
    String manage_kept(int version);

    @Message("On")
    String manage_on();

    @Message("Status:")
    String manage_status();

    @Message("The letter's text has changed since you signed")
    String manage_changed_heading();

    @Message("You signed version {signed}; the letter is now at version {current}.")
    String manage_changed_text(int signed, int current);

    @Message("Read the current text")
    String manage_read_current();

    @Message(", then keep or withdraw your signature.")
    String manage_then_keep();

    @Message("Keep my signature on the new text")
    String manage_keep_button();

    @Message("Or withdraw it below.")
    String manage_or_withdraw();

    @Message("Correct how your organization is shown")
    String manage_correct_organization();

    @Message("Correct how you are shown")
    String manage_correct_individual();

    @Message("If you change the name or website, the organizers check the entry again before it reappears on the letter.")
    String manage_recheck_organization();

    @Message("If you change the name or affiliation, the organizers check the entry again before it reappears on the letter.")
    String manage_recheck_individual();

    @Message("Save changes")
    String manage_save();

    @Message("Campaign updates")
    String manage_updates_heading();

    @Message("You asked to hear how the campaign goes. You can stop that here; your signature stays as it is.")
    String manage_updates_text();

    @Message("Withdraw your signature")
    String manage_withdraw_heading();

    @Message("Your signature will be removed from the letter at once. This cannot be undone, but you can sign again while the letter is open.")
    String manage_withdraw_text();

    @Message("Withdraw my signature")
    String manage_withdraw_button();

    @Message("Your data")
    String manage_data_heading();

    @Message("Download everything we store about this signature")
    String manage_download();

    @Message("(a JSON file: the entry, your contact details, the emails we sent you about it, and its history).")
    String manage_download_note();

    @Message("Erase your entry")
    String manage_erase_heading();

    @Message("Removes your signature from the letter and deletes your name, contact details and the emails about it. Only a note that an entry existed remains. This link stops working, and this cannot be undone.")
    String manage_erase_text();

    @Message("Tick the box to confirm that you want your entry erased.")
    String manage_erase_required();

    @Message("I understand: erase my entry for good.")
    String manage_erase_confirm();

    @Message("Erase my entry")
    String manage_erase_button();

    // Link problems and requests
    @Message("This link has expired")
    String link_expired_title();

    @Message("For your security, links stop working after a while. We can email a fresh one to the address you signed with.")
    String link_expired_text();

    @Message("Email me a fresh link")
    String link_fresh_button();

    @Message("This link has already been used")
    String link_used_title();

    @Message("Your signature on “{title}” is confirmed. Each confirmation link works once. To see, correct or withdraw your signature, we can email you a link to manage it.")
    String link_used_text(String title);

    @Message("Sign-on has closed")
    String link_closed_title();

    @Message("“{title}” stopped collecting signatures before this one was confirmed, so it was not added. Thank you for your support.")
    String link_closed_text(String title);

    @Message("Read the letter")
    String link_read_letter();

    @Message("We can't find this link")
    String link_unknown_title();

    @Message("It may be incomplete: if you copied it from an email, make sure you copied all of it. Links also stop working when a newer one has been sent.")
    String link_unknown_text();

    @Message("On the letter's page you can ask for a fresh link by email.")
    String link_unknown_hint();

    @Message("If that address has signed “{title}”, we have sent it a link. It may take a few minutes.")
    String link_request_sent(String title);

    @Message("Enter the email address you signed “{title}” with. We will send a link to it that lets you see, correct or withdraw your signature.")
    String link_request_text(String title);

    @Message("Send me a link")
    String link_request_button();

    @Message("If the signature is still on file, we have sent a fresh link to the address it was signed with. Earlier links no longer work.")
    String renewed_text();

    // Unsubscribe and erasure
    @Message("You are unsubscribed")
    String unsubscribed_title();

    @Message("You will get no more campaign updates about “{title}”.")
    String unsubscribed_text(String title);

    @Message("Your signature stays on the letter as it was. You will still get emails about your own entry (for example when it is approved), and your self-service link still works.")
    String unsubscribed_more();

    @Message("Stop campaign updates")
    String unsubscribe_title();

    @Message("You signed “{title}” and asked to hear how the campaign goes.")
    String unsubscribe_lede(String title);

    @Message("Stop sending me updates")
    String unsubscribe_button();

    @Message("This changes nothing else: your signature stays on the letter.")
    String unsubscribe_nothing_else();

    @Message("Link not recognised")
    String unsubscribe_unknown_title();

    @Message("This unsubscribe link is not complete, or the entry it was for has been erased. If you copied it from an email, check that you copied all of it.")
    String unsubscribe_unknown_text();

    @Message("Your entry is erased")
    String erased_title();

    @Message("Your signature is off the letter, and your name, contact details and the emails about it are deleted.")
    String erased_text();

    // Errors
    @Message("Reference:")
    String error_reference();

    @Message("Go to the list of letters")
    String error_home();

    // Press page
    @Message("Press: {title}")
    String press_title(String title);

    @Message("“{title}”, to {to}, from {from}.")
    String press_lede(String title, String to, String from);

    @Message("The list of signatories last changed on {date}.")
    String press_list_changed(String date);

    @Message("Downloads")
    String press_downloads();

    @Message("The letter with every signatory (PDF)")
    String press_pdf();

    @Message("text version {version}, always the current list")
    String press_pdf_note(int version);

    @Message("Signatories as a spreadsheet (CSV, UTF-8)")
    String press_csv();

    @Message("Signatories as JSON")
    String press_json();

    @Message("Lists contain public information only: names, affiliations marked “for identification only”, places and websites. Contact details are never published.")
    String press_public_only();

    // PDF

    @Message("press contact: {contact}")
    String pdf_press_contact(String contact);

    @Message("In partnership with {partners}")
    String pdf_in_partnership_with(String partners);

    @Message("A coalition letter to {to}. {counts}.")
    String pdf_subject(String to, String counts);

    // Signer emails
    @Message("Hello {name},")
    String email_hello(String name);

    @Message("on behalf of {name}")
    String email_on_behalf(String name);

    @Message("as an individual")
    String email_as_individual();

    @Message("Please confirm your signature: {title}")
    String email_confirm_subject(String title);

    @Message("Someone (probably you) asked to sign this letter again with this email address.")
    String email_confirm_again();

    @Message("Please confirm that you want to sign “{title}” {as}:")
    String email_confirm_ask(String title, String as);

    @Message("This link works once and until {expires}. After you confirm, the organizers review each signature before it appears on the letter.")
    String email_confirm_expires(String expires);

    @Message("If you did not ask to sign, ignore this email: nothing will be published and your address will not be used for anything else.")
    String email_confirm_ignore();

    @Message("You have already signed: {title}")
    String email_already_subject(String title);

    @Message("Someone (probably you) tried to sign “{title}” {as} with this email address. You have already signed, so nothing new was added.")
    String email_already_text(String title, String as);

    @Message("Where your signature stands: {state}")
    String email_already_state(String state);

    @Message("To see or correct your entry, or to withdraw it, use this link:")
    String email_manage_link();

    @Message("If this was not you, you can ignore this email.")
    String email_not_you();

    @Message("Your link to manage your signature: {title}")
    String email_fresh_subject(String title);

    @Message("Here is a fresh link to your signature on “{title}” ({as}). Use it to see or correct your entry, or to withdraw it:")
    String email_fresh_text(String title, String as);

    @Message("It works until {expires}. Earlier links no longer work.")
    String email_fresh_expires(String expires);

    @Message("If you did not ask for this link, you can ignore this email.")
    String email_fresh_ignore();

    @Message("Your signature is on the letter: {title}")
    String email_approved_subject(String title);

    @Message("Good news: your signature {as} is now on “{title}”:")
    String email_approved_text(String title, String as);

    @Message("To see or correct your entry, or to withdraw it, use this link (keep it private):")
    String email_approved_link();

    @Message("Thank you for your support.")
    String email_thanks();

    @Message("About your signature on: {title}")
    String email_rejected_subject(String title);

    @Message("The organizers of “{title}” reviewed your signature {as} and did not add it to the letter.")
    String email_rejected_text(String title, String as);

    @Message("Their note: {reason}")
    String email_rejected_note(String reason);

    @Message("If you think this is a mistake, please contact {coalition}: {contact}")
    String email_rejected_contact(String coalition, String contact);

    @Message("The letter you signed has changed: {title}")
    String email_changed_subject(String title);

    @Message("You signed “{title}” {as} when it was at version {signed}. The organizers have changed the text since; it is now version {current}.")
    String email_changed_text(String title, String as, int signed, int current);

    @Message("What changed, in their words:")
    String email_changed_summary();

    @Message("Read the current text: {url}")
    String email_changed_read(String url);

    @Message("Your signature stays on the letter unless you withdraw it. To confirm that you keep it on the new text, or to withdraw it, use this link (keep it private):")
    String email_changed_keep();

    @Message("You are getting this because you signed “{title}” {as} and asked for campaign updates.")
    String email_update_why(String title, String as);

    @Message("The letter: {url}")
    String email_update_letter(String url);

    @Message("Stop these updates (one click, no sign-in): {url}")
    String email_update_stop(String url);

    // Form errors on the sign-on and self-service forms (the constraint's template, see signing.SignOnValidation)
    @Message("Remove the invisible or control characters from this field (they can come from copying text).")
    String validation_plainText();

    @Message("Choose a country from the list.")
    String validation_country();

    @Message("Choose one of the options.")
    String validation_choice();

    @Message("Enter an email address like name@example.org.")
    String validation_email();

    @Message("Enter a web address like example.org.")
    String validation_website();

    @Message("Use {max} characters or fewer.")
    String validation_tooLong(String max);

    @Message("Enter your organization's name.")
    String validation_organizationName_required();

    @Message("Enter your city or town.")
    String validation_city_required();

    @Message("Choose your country.")
    String validation_country_required();

    @Message("Choose the kind of organization.")
    String validation_orgType_required();

    @Message("Enter the name of the contact person.")
    String validation_contactName_required();

    @Message("Enter the contact person's title or role.")
    String validation_contactTitle_required();

    @Message("Enter an email address.")
    String validation_email_required();

    @Message("Enter a phone number using digits, spaces and + ( ) - . / only.")
    String validation_phone();

    @Message("Enter your name.")
    String validation_name_required();

    @Message("Tick the box to agree that the name will be shown publicly; we cannot list it otherwise.")
    String validation_consentPublic_required();

    @Message("Enter the name to show on the letter.")
    String validation_displayName_required();

    @Message("Choose whether you are signing for an organization or as an individual.")
    String validation_kind();

    @Message("This letter is signed by individuals only.")
    String validation_individuals_only();

    @Message("This letter is signed by organizations only.")
    String validation_organizations_only();

    @Message("You have already signed this letter under that name with this email address.")
    String validation_already_signed_as();

    // Composed in Java: sign-on rules checked in code, a closed letter's refusal, the default words of
    // mailings to signers (in the letter's language), the letter as emailed to its addressees.

    @Message("Choose where your signature belongs on the list.")
    String signon_category_required();

    @Message("This letter is not collecting signatures")
    String letter_not_open_title();

    @Message("Sign-on for \"{title}\" has closed{#if deadline} (the deadline was {deadline}){/if}. Thank you for your support.")
    String letter_closed(String title, String deadline);

    @Message("\"{title}\" has been delivered and no longer takes signatures. Thank you for your support.")
    String letter_delivered(String title);

    @Message("Update: {title}")
    String mailing_update_subject(String title);

    @Message("UPDATE, {postedOn}:")
    String mailing_update_heading(String postedOn);

    @Message("Read the letter: {url}")
    String mailing_read_letter(String url);

    @Message("Delivered: {title}")
    String mailing_delivered_subject(String title);

    @Message("The letter you signed has been delivered{#if deliveredOn} on {deliveredOn}{/if}{#if deliveredTo} to {deliveredTo}{/if}.")
    String mailing_delivered(String deliveredOn, String deliveredTo);

    @Message("Thank you for standing with {coalition}.")
    String mailing_thanks(String coalition);

    @Message("Read the letter and see who signed: {url}")
    String mailing_read_and_see_who_signed(String url);

    @Message("Signatures closed: {title}")
    String mailing_closed_subject(String title);

    @Message("The letter you signed is no longer taking signatures. We will let you know when it is delivered.")
    String mailing_closed();

    @Message("Signed by {count} {#if count == 1}organization or person{#else}organizations and people{/if}, listed with the permanent text at:")
    String delivery_signed_by(long count);

    // A label followed by a colon, as the language writes it ("To:", French "À :").
    @Message("{label}:")
    String label_colon(String label);
}
