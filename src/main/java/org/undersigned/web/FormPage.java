package org.undersigned.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way a page answers a posted form: on success whatever the action says (usually a
 * redirect, so a reload does not post again); on invalid input the same form again, with what was
 * typed and one message per field, as a 400, having written nothing.
 */
public final class FormPage {

    private FormPage() {
    }

    /** Runs the action; an {@link InvalidInputException} from it shows {@code form} with the errors instead. */
    public static Response submit(Supplier<Response> action, Function<FormErrors, TemplateInstance> form) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            return invalid(form.apply(e.errors()));
        }
    }

    /** The form again, with its errors: 400. */
    public static Response invalid(TemplateInstance form) {
        return html(400, form.render());
    }

    /** An HTML page with its status. */
    public static Response html(int status, TemplateInstance page) {
        return html(status, page.render());
    }

    public static Response html(int status, String html) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
