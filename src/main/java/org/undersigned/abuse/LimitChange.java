package org.undersigned.abuse;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A rate limit as an admin sets it: the API's JSON body, and the limits page's form once read ({@link RateLimitForm}). */
public record LimitChange(
        @NotNull(message = "{abuse.limit.range}") @Min(value = 1, message = "{abuse.limit.range}")
        @Max(value = 1_000_000, message = "{abuse.limit.range}")
        Integer perMinute,

        @NotNull(message = "{abuse.limit.range}") @Min(value = 1, message = "{abuse.limit.range}")
        @Max(value = 1_000_000, message = "{abuse.limit.range}")
        Integer burst) {
}
