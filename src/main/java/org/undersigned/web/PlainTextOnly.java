package org.undersigned.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value holds only characters a person could have typed; see {@link PlainText#isAcceptable}. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainTextOnly.Validator.class)
public @interface PlainTextOnly {

    String message() default "{undersigned.plainText}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainTextOnly, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return PlainText.isAcceptable(value);
        }
    }
}
