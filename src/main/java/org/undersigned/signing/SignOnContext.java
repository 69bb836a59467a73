package org.undersigned.signing;

import org.undersigned.abuse.BotSignal;

/**
 * What the sign-on's request says about its sender, besides the form: the client address (for
 * abuse checks, kept for a limited time) and any sign that a program filled in the form.
 */
public record SignOnContext(String clientIp, BotSignal botSignal) {
}
