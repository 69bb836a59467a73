package org.undersigned.web;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Logs unexpected failures. Exception messages can quote personal data (a database error
 * repeats the offending value), so outside development only class names and stack frames are
 * logged, never messages.
 */
@ApplicationScoped
public class ErrorLogging {

    @ConfigProperty(name = "undersigned.log.redact-errors", defaultValue = "true")
    boolean redact;

    public void error(String reference, Throwable e) {
        if (redact) {
            Log.errorf("Unexpected error [ref %s]: %s", reference, describe(e));
        } else {
            Log.errorf(e, "Unexpected error [ref %s]", reference);
        }
    }

    public void warn(String reference, String what, Throwable e) {
        Log.warnf("%s [ref %s]: %s", what, reference, redact ? describe(e) : String.valueOf(e));
    }

    /** The cause chain as class names with the first application frame of each. */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 8; t = t.getCause(), depth++) {
            if (depth > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            StackTraceElement shown = frames.length == 0 ? null : frames[0];
            for (StackTraceElement frame : frames) {
                if (frame.getClassName().startsWith("org.undersigned")) {
                    shown = frame;
                    break;
                }
            }
            if (shown != null) {
                out.append(" at ").append(shown);
            }
        }
        return out.toString();
    }
}
