package org.undersigned.abuse;

/** Why a form submission looked automated. Such entries are stored (the sender sees nothing unusual) but never published without a vetter. */
public enum BotSignal {
    /** The field people cannot see was filled in. */
    HONEYPOT,
    /** Posted sooner after the form was served than a person could fill it in. */
    TOO_FAST,
    /** The form's signed time stamp was missing, forged or too old: the post did not come from a form a person just saw. */
    NO_FORM_TOKEN
}
