package org.undersigned.jobs;

import java.util.Map;

/** What a handler knows about the job it works on: its parameters and where it stopped. */
public record JobContext(long id, String kind, Long letterId, Long createdBy, Map<String, Object> params,
                         String cursor, long done, Long total) {

    public String param(String name) {
        Object value = params.get(name);
        return value == null ? null : value.toString();
    }

    public long longParam(String name) {
        Object value = params.get(name);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value == null) {
            throw new IllegalStateException("job " + id + " has no parameter " + name);
        }
        return Long.parseLong(value.toString());
    }
}
