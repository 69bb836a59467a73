package org.undersigned.account;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which per-letter capability the state-changing requests of a resource (class or method) need;
 * without it they need {@link LetterAccess.Capability#EDIT}. Reads need only to be on the letter
 * at all. Enforced for every request by {@link LetterAccessFilter}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LetterWrites {
    LetterAccess.Capability value();
}
