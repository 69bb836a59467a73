package org.undersigned.signing;

import org.undersigned.web.FormValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import org.undersigned.letter.Letter;
import org.undersigned.web.FormErrors;

import java.util.Optional;

/** Checks a sign-on against the field rules and against who this letter lets sign. */
@ApplicationScoped
public class SignOnValidation {

    @Inject
    Validator validator;

    @Inject
    FormValidation forms;

    public FormErrors check(SignOnInput input, Letter letter) {
        return check(input, letter.organizationsMaySign, letter.individualsMaySign);
    }

    public FormErrors check(SignOnInput input, boolean organizationsMaySign, boolean individualsMaySign) {
        FormErrors errors = FormErrors.none();
        Optional<SignatoryKind> kind = input.signatoryKind();
        if (kind.isEmpty()) {
            errors.add("kind", FormValidation.message("signon.kind.required"));
            return errors;
        }
        if (kind.get() == SignatoryKind.ORGANIZATION && !organizationsMaySign) {
            errors.add("kind", FormValidation.message("signon.kind.individualsOnly"));
        }
        if (kind.get() == SignatoryKind.INDIVIDUAL && !individualsMaySign) {
            errors.add("kind", FormValidation.message("signon.kind.organizationsOnly"));
        }
        Class<?> group = kind.get() == SignatoryKind.ORGANIZATION
                ? SignOnInput.AsOrganization.class : SignOnInput.AsIndividual.class;
        // Required-field messages first, so an empty field says "enter …" rather than a format rule.
        forms.addViolations(errors, input, group);
        forms.addViolations(errors, input, Default.class);
        return errors.orderedBy(SignOnInput.FIELD_ORDER);
    }

    /**
     * Rows imported from a list collected elsewhere: every format and size rule applies, but only
     * a name and an email are required, since other tools collect fewer fields than our form.
     */
    public FormErrors checkImported(SignOnInput input, Letter letter) {
        FormErrors errors = FormErrors.none();
        SignatoryKind kind = input.signatoryKind().orElse(SignatoryKind.ORGANIZATION);
        if (kind == SignatoryKind.ORGANIZATION && !letter.organizationsMaySign) {
            errors.add("kind", FormValidation.message("signon.kind.individualsOnly"));
        }
        if (kind == SignatoryKind.INDIVIDUAL && !letter.individualsMaySign) {
            errors.add("kind", FormValidation.message("signon.kind.organizationsOnly"));
        }
        if (input.displayName() == null) {
            errors.add(kind == SignatoryKind.ORGANIZATION ? "organizationName" : "name", FormValidation.message("import.name.required"));
        }
        for (ConstraintViolation<SignOnInput> v : validator.validate(input, Default.class)) {
            if (!v.getPropertyPath().toString().equals("consentPublic")) {
                errors.add(v.getPropertyPath().toString(), v.getMessage());
            }
        }
        return errors.orderedBy(SignOnInput.FIELD_ORDER);
    }

    public FormErrors checkCorrection(CorrectionInput input, SignatoryKind kind) {
        FormErrors errors = FormErrors.none();
        if (kind == SignatoryKind.ORGANIZATION) {
            forms.addViolations(errors, input, SignOnInput.AsOrganization.class);
        }
        forms.addViolations(errors, input, Default.class);
        return errors.orderedBy(CorrectionInput.FIELD_ORDER);
    }
}
