package org.undersigned.account;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The sign-in form as posted. Nothing to validate on its own: a wrong or empty address and
 * password get the same answer, so the page never tells which one was wrong.
 */
public record SignInForm(@RestForm String email, @RestForm String password, @RestForm String next) {
}
