package org.undersigned.web;

import io.quarkus.qute.i18n.MessageBundles;

import java.util.function.Function;

/**
 * The one kind of status message a page shows after an action: success, warning or error, with
 * an optional heading and an optional link after the text. Rendered by the one tag
 * {@code templates/tags/notice.html} ({@code {#if notice}{#notice notice /}{/if}}); the text comes
 * from the admin message bundle ({@link AdminMsg}).
 */
@io.quarkus.qute.TemplateData
public record Notice(String kind, String heading, String text, String linkHref, String linkText) {

    public static Notice success(String text) {
        return new Notice("success", null, text, null, null);
    }

    public static Notice warning(String text) {
        return new Notice("warning", null, text, null, null);
    }

    public static Notice error(String text) {
        return new Notice("error", null, text, null, null);
    }

    /** A success message from the bundle. */
    public static Notice success(Function<AdminMsg, String> message) {
        return success(message.apply(msg()));
    }

    public Notice withHeading(String heading) {
        return new Notice(kind, heading, text, linkHref, linkText);
    }

    public Notice withLink(String href, String label) {
        return new Notice(kind, heading, text, href, label);
    }

    /** The bundle, for pages that build their notices in Java. */
    public static AdminMsg msg() {
        return MessageBundles.get(AdminMsg.class);
    }
}
