package org.undersigned.abuse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a resource method under a rate limit, checked by {@link RateLimitFilter} before the body
 * is read. For {@link RateLimit#SIGN_ON} the bucket is per client address and the {@code slug}
 * path parameter, otherwise per client address (an IPv6 client by its prefix).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
    RateLimit value();

    /** Only requests that carry this query parameter, non-blank, count (e.g. searches, not plain list views). */
    String whenQuery() default "";
}
