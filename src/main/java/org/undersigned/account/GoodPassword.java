package org.undersigned.account;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A password we accept: at least {@code undersigned.auth.min-password-length} characters (the
 * configured length, hence a validator bean), at most 200, and not only spaces.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = GoodPassword.Validator.class)
public @interface GoodPassword {

    String message() default "{account.password.short}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Singleton // no client proxy: Hibernate Validator initializes the instance it is given
    class Validator implements ConstraintValidator<GoodPassword, String> {

        /* Looked up when a password is checked: the validator is built with the validator factory, before configuration mappings exist. */
        @Inject
        Instance<AuthConfig> config;

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            int min = config.get().minPasswordLength();
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("min", min);
            if (password == null || password.length() < min || password.length() > 200) {
                return false;
            }
            if (password.isBlank()) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{account.password.blank}").addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
