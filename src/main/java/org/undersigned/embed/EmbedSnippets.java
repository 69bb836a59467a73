package org.undersigned.embed;

/**
 * The one HTML snippet an editor or partner pastes to frame a letter's sign-on form: the same
 * size as oEmbed announces, no border, loaded lazily, titled for screen readers. A partner's
 * snippet carries its code in the address ({@code ?partner=}), the only place attribution lives.
 */
public final class EmbedSnippets {

    private EmbedSnippets() {
    }

    /** @param embedUrl the letter's embed address ({@code web.ShareLinks#embedUrl}), with any query */
    public static String iframe(String embedUrl, String title) {
        return "<iframe src=\"" + attribute(embedUrl) + "\" width=\"" + OEmbed.WIDTH + "\" height=\"" + OEmbed.HEIGHT
                + "\" style=\"border:0\" loading=\"lazy\" title=\"" + attribute(title) + "\"></iframe>";
    }

    /** The snippet for a partner's own link: sign-ons through it count for that partner. */
    public static String partnerIframe(String embedUrl, String partnerCode, String title) {
        return iframe(embedUrl + "?partner=" + partnerCode, title);
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
