package org.undersigned.web;

import io.quarkus.qute.TemplateData;

/** One choice in a select list. */
@TemplateData
public record Option(String value, String label) {
}
