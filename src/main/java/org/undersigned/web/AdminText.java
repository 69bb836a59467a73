package org.undersigned.web;

import io.quarkus.qute.i18n.MessageBundles;

/**
 * The admin message bundle for Java code (services, rules, exceptions): a message is a method
 * of {@link AdminMsg}, never a string written where it is thrown. English, like the admin side;
 * problem+json details of the admin API use the same text.
 */
public final class AdminText {

    private AdminText() {
    }

    public static AdminMsg admin() {
        return MessageBundles.get(AdminMsg.class);
    }
}
