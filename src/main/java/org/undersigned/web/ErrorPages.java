package org.undersigned.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The page a browser sees when something goes wrong. */
@CheckedTemplate(basePath = "web")
public class ErrorPages {

    public record ErrorView(int status, String title, String detail, String reference) {
    }

    public static native TemplateInstance error(ErrorView error);
}
