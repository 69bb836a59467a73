package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Labels of the admin pages that only templates use ({@code {adminpage:key}}): English, like
 * {@link AdminMsg}, which keeps the admin text Java code passes around (notices, rule and
 * validation messages). Two bundles only because Qute 3.33 generates a wrong resolver for a
 * bundle of more than 300 messages; a new admin label goes here when it is used by a template
 * alone, in {@link AdminMsg} when Java code refers to it.
 */
@MessageBundle("adminpage")
public interface AdminPageMsg {

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

    @Message("The letter page and the PDF say “in partnership with” these organizations, in this order. Each has its own sign-on link: sign-ons through it count for that partner, and its signers may agree to share their contact details with it. The link carries the partner in the address and the form only (no cookies).")
    String partners_intro();

    @Message("No partners yet.")
    String partners_none();

    @Message("Partner")
    String partners_col_partner();

    @Message("Sign-on link")
    String partners_col_link();

    @Message("Signed on")
    String partners_col_signed_on();

    @Message("Waiting for review")
    String partners_col_pending();

    @Message("Approved")
    String partners_col_approved();

    @Message("Change")
    String partners_col_change();

    @Message("Staff and contacts")
    String partners_col_staff();

    @Message("logo")
    String partners_logo();

    @Message("retired")
    String partners_retired();

    @Message("Edit")
    String partners_edit();

    @Message("Reinstate")
    String partners_reinstate();

    @Message("Remove…")
    String partners_remove();

    @Message("People signed on through this partner's link, so it will be retired, not deleted: it leaves the page and the PDF, its link stops attributing, its sign-ons keep their attribution and admins can still download its consenting contacts. You can reinstate it later.")
    String partners_remove_retires();

    @Message("Nobody signed on through this partner's link: it will be deleted.")
    String partners_remove_deletes();

    @Message("Consenting contacts (CSV)")
    String partners_contacts_csv();

    @Message("Invite this partner's staff")
    String partners_invite_staff();

    @Message("Invite")
    String partners_invite();

    @Message("Add a partner")
    String partners_add_heading();

    @Message("Add partner")
    String partners_add();

    @Message("Remove the current logo")
    String partners_remove_logo();

    @Message("Save changes")
    String save_changes();

    @Message("Up")
    String move_up();

    @Message("Down")
    String move_down();

    @Message("Webhooks")
    String webhooks_heading();

    @Message("Webhook endpoints hear about signatures (confirmed, approved, withdrawn) and letters changing state, for one letter or for every letter. Each delivery is signed with the endpoint's secret (HMAC-SHA256 over a timestamp and the body), retried with backoff, and carries signers' contact details only if an admin trusted the endpoint.")
    String webhooks_intro();

    @Message("All endpoints")
    String webhooks_all();

    @Message("No endpoints.")
    String webhooks_none();

    @Message("Receiver")
    String webhooks_col_url();

    @Message("Letter")
    String webhooks_col_letter();

    @Message("Events")
    String webhooks_col_events();

    @Message("Contact details")
    String webhooks_col_trusted();

    @Message("Last delivery")
    String webhooks_col_last();

    @Message("Waiting / failed")
    String webhooks_col_waiting_failed();

    @Message("Event")
    String webhooks_col_event();

    @Message("When")
    String webhooks_col_occurred();

    @Message("Attempts")
    String webhooks_col_attempts();

    @Message("Last answer")
    String webhooks_col_answer();

    @Message("Action")
    String webhooks_col_action();

    @Message("Every letter")
    String webhooks_global();

    @Message("deactivated")
    String webhooks_inactive();

    @Message("active")
    String webhooks_active();

    @Message("State")
    String webhooks_state();

    @Message("sent (trusted)")
    String webhooks_trusted_yes();

    @Message("never sent")
    String webhooks_trusted_no();

    @Message("none yet")
    String webhooks_no_attempt();

    @Message("Register an endpoint")
    String webhooks_register_heading();

    @Message("Receiver's address")
    String webhooks_field_url();

    @Message("The full address that receives the POSTs, starting with https://.")
    String webhooks_field_url_hint();

    @Message("Letter")
    String webhooks_field_letter();

    @Message("Leave unchosen for every letter.")
    String webhooks_field_letter_hint();

    @Message("Events")
    String webhooks_field_events();

    @Message("Register and show the secret")
    String webhooks_register();

    @Message("Webhook endpoint")
    String webhooks_endpoint_heading();

    @Message("Contact details")
    String webhooks_trust_heading();

    @Message("Deliveries carry signers' email, phone and contact name only if this endpoint is trusted. Trust only a receiver your organization controls; the decision is recorded in the audit trail.")
    String webhooks_trust_explained();

    @Message("Trust with contact details")
    String webhooks_trust();

    @Message("Stop sending contact details")
    String webhooks_untrust();

    @Message("Signing secret")
    String webhooks_secret_heading();

    @Message("A new secret is shown once. The old one keeps signing alongside it for a while, so the receiver can switch without missing a delivery.")
    String webhooks_rotate_explained();

    @Message("Rotate the secret")
    String webhooks_rotate();

    @Message("Deactivate")
    String webhooks_deactivate_heading();

    @Message("Nothing more is sent to this endpoint; deliveries still waiting are marked failed. This cannot be undone: register the endpoint again if needed.")
    String webhooks_deactivate_explained();

    @Message("Deactivate this endpoint")
    String webhooks_deactivate();

    @Message("Deliveries, newest first")
    String webhooks_deliveries_heading();

    @Message("No deliveries yet.")
    String webhooks_no_deliveries();

    @Message("Deliver again")
    String webhooks_redeliver();

    @Message("Older deliveries")
    String webhooks_older();

    @Message("Endpoint registered")
    String webhooks_secret_created();

    @Message("Secret rotated")
    String webhooks_secret_rotated();

    @Message("Copy this secret now and give it to the receiver: it is not shown again.")
    String webhooks_secret_once();

    @Message("The receiver checks the Undersigned-Signature header: t=<unix time>,v1=<hex HMAC-SHA256 of “t.body” with this secret>.")
    String webhooks_secret_how();

    @Message("API keys")
    String api_keys_heading();

    @Message("No keys yet.")
    String api_keys_none();

    @Message("Integration")
    String api_keys_col_name();

    @Message("Key starts with")
    String api_keys_col_prefix();

    @Message("Issued")
    String api_keys_col_created();

    @Message("Last used")
    String api_keys_col_last_used();

    @Message("State")
    String api_keys_col_state();

    @Message("Revoke…")
    String api_keys_revoke();

    @Message("The integration using this key stops working at once. This cannot be undone.")
    String api_keys_revoke_explained();

    @Message("Issue a key")
    String api_keys_issue_heading();

    @Message("Integration's name")
    String api_keys_field_name();

    @Message("What uses the key, e.g. “CRM sync”.")
    String api_keys_field_name_hint();

    @Message("Issue and show the key")
    String api_keys_issue();

    @Message("Key issued")
    String api_keys_issued_heading();

    @Message("Back to API keys")
    String api_keys_back();

    @Message("Move {name} up")
    String move_up_label(String name);

    @Message("Move {name} down")
    String move_down_label(String name);

    @Message("Remove {name}")
    String partners_remove_confirm(String name);

    @Message("Edit partner: {name}")
    String partners_edit_heading(String name);

    @Message("The link code “{code}” stays: links with it are already out there.")
    String partners_edit_intro(String code);

    @Message("Webhooks for {title}")
    String webhooks_heading_letter(String title);

    @Message("For the next {hours} hours the previous secret keeps signing too: each delivery carries both signatures, so the receiver can switch to the new secret without missing one.")
    String webhooks_secret_overlap(long hours);

    @Message("Back to {url}")
    String webhooks_to_endpoint(String url);

    @Message("Keys let another tool (a CRM, for example) read the OSDI-shaped API at {root}: public data only (letters and approved signatures), never contact details. Each key is shown once when issued; only its hash is kept.")
    String api_keys_intro(String root);

    @Message("Revoke the key of {name}")
    String api_keys_revoke_confirm(String name);

    @Message("revoked {when}")
    String api_keys_revoked_on(java.time.Instant when);

    @Message("The key for {name}. Copy it now: it is not shown again.")
    String api_keys_issued_once(String name);

    @Message("The integration sends it in the OSDI-API-Token header to {root}.")
    String api_keys_issued_how(String root);

    @Message("To put the sign-on form on a site, paste this; sign-ons through it count for this partner. The site must be listed on the letter's embed page.")
    String partner_embed_hint();

    @Message("Embed on a site")
    String partner_embed_summary();

    @Message("Your form to embed on your site (your site's address must be listed by the letter's editors):")
    String partner_staff_embed();

}
