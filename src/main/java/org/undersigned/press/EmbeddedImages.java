package org.undersigned.press;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;

/**
 * The only resources the letter's layout may load: PNG images embedded in the page itself
 * ({@code data:} URIs the server wrote from re-encoded logos). Nothing is fetched, from the
 * network or the disk.
 */
final class EmbeddedImages {

    private static final String PREFIX = "data:image/png;base64,";

    private EmbeddedImages() {
    }

    static boolean allowed(String uri, ExternalResourceType type) {
        return type == ExternalResourceType.IMAGE_RASTER && uri != null && uri.startsWith(PREFIX);
    }
}
