package org.undersigned.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

/** The text is the name of one of the enum's constants; null passes. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EnumName.Validator.class)
public @interface EnumName {

    Class<? extends Enum<?>> value();

    String message() default "{undersigned.choice}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EnumName, String> {
        private Class<? extends Enum<?>> type;

        @Override
        public void initialize(EnumName annotation) {
            type = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(value));
        }
    }
}
