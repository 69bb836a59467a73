package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The second public bundle: text a signer or the public reads that is composed in Java rather than
 * in a template — sign-on form errors checked in code, the default text of the emails signers get
 * about a letter, and the letter as emailed to its addressees. Translated like {@link Msg}
 * ({@code messages/pub_<tag>.properties}, checked by {@code BundleCompletenessTest}); a bundle of
 * its own because {@link Msg} is at the 300 messages a Qute 3.33 bundle can hold. Get it in a
 * language through {@link Languages#publicMsg}.
 */
@MessageBundle("pub")
public interface PublicMsg {

    @Message("en")
    String lang_tag();

    // Sign-on rules checked in code (signing.SignOnService, SignOnApi)
    @Message("Choose where your signature belongs on the list.")
    String signon_category_required();

    @Message("This is too long (200 characters at most).")
    String signon_sort_name_too_long();

    @Message("Send the sign-on as a JSON object.")
    String signon_api_body();

    @Message("This letter is not collecting signatures")
    String letter_not_open_title();

    @Message("Sign-on for \"{title}\" has closed{#if deadline} (the deadline was {deadline}){/if}. Thank you for your support.")
    String letter_closed(String title, String deadline);

    @Message("\"{title}\" has been delivered and no longer takes signatures. Thank you for your support.")
    String letter_delivered(String title);

    // Default text of the mailings to a letter's signers (mailing.Mailings), in the letter's language.
    // One line each: the translations are .properties lines, and Java lays the lines out.
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

    // The letter as emailed to its addressees (letter.LetterDeliveries), in the letter's language
    @Message("Signed by {count} {#if count == 1}organization or person{#else}organizations and people{/if}, listed with the permanent text at:")
    String delivery_signed_by(long count);

    @Message("The letter with every signatory as a PDF:")
    String delivery_pdf();

    @Message("Text version {version}, SHA-256 {sha256}")
    String delivery_version(int version, String sha256);
}
