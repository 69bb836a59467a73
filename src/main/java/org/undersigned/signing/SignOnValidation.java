package org.undersigned.signing;

import org.undersigned.web.Language;
import org.undersigned.web.Languages;
import org.undersigned.web.Msg;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import org.undersigned.letter.Letter;
import org.undersigned.web.FormErrors;
import org.undersigned.web.FormValidation;

import java.util.Optional;

/** Checks a sign-on against the field rules and against who this letter lets sign. */
@ApplicationScoped
public class SignOnValidation {

    @Inject
    Validator validator;

    @Inject
    Languages languages;

    public FormErrors check(SignOnInput input, Letter letter) {
        return check(input, letter.organizationsMaySign, letter.individualsMaySign);
    }

    public FormErrors check(SignOnInput input, boolean organizationsMaySign, boolean individualsMaySign) {
        return check(input, organizationsMaySign, individualsMaySign, languages.msg(Language.ENGLISH));
    }

    /** The same checks, with the messages in the signer's language. */
    public FormErrors check(SignOnInput input, boolean organizationsMaySign, boolean individualsMaySign, Msg msg) {
        FormErrors errors = FormErrors.none();
        Optional<SignatoryKind> kind = input.signatoryKind();
        if (kind.isEmpty()) {
            errors.add("kind", msg.validation_kind());
            return errors;
        }
        if (kind.get() == SignatoryKind.ORGANIZATION && !organizationsMaySign) {
            errors.add("kind", msg.validation_individuals_only());
        }
        if (kind.get() == SignatoryKind.INDIVIDUAL && !individualsMaySign) {
            errors.add("kind", msg.validation_organizations_only());
        }
        Class<?> group = kind.get() == SignatoryKind.ORGANIZATION
                ? SignOnInput.AsOrganization.class : SignOnInput.AsIndividual.class;
        // Required-field messages first, so an empty field says "enter …" rather than a format rule.
        for (ConstraintViolation<SignOnInput> v : validator.validate(input, group)) {
            errors.add(v.getPropertyPath().toString(), text(v, msg));
        }
        for (ConstraintViolation<SignOnInput> v : validator.validate(input, Default.class)) {
            errors.add(v.getPropertyPath().toString(), text(v, msg));
        }
        return errors.orderedBy(SignOnInput.FIELD_ORDER);
    }

    /**
     * A constraint's message in the reader's language: the constraints name their message by
     * template ({@code ValidationMessages.properties} keeps the English for other uses, such as
     * imports), and each template has its message in the bundle.
     */
    static String text(ConstraintViolation<?> v, Msg msg) {
        return switch (v.getMessageTemplate()) {
            case "{undersigned.plainText}" -> msg.validation_plainText();
            case "{undersigned.country}" -> msg.validation_country();
            case "{undersigned.choice}" -> msg.validation_choice();
            case "{undersigned.email}" -> msg.validation_email();
            case "{undersigned.website}" -> msg.validation_website();
            case "{signon.tooLong}" -> msg.validation_tooLong(String.valueOf(v.getConstraintDescriptor().getAttributes().get("max")));
            case "{signon.organizationName.required}" -> msg.validation_organizationName_required();
            case "{signon.city.required}" -> msg.validation_city_required();
            case "{signon.country.required}" -> msg.validation_country_required();
            case "{signon.orgType.required}" -> msg.validation_orgType_required();
            case "{signon.contactName.required}" -> msg.validation_contactName_required();
            case "{signon.contactTitle.required}" -> msg.validation_contactTitle_required();
            case "{signon.email.required}" -> msg.validation_email_required();
            case "{signon.phone}" -> msg.validation_phone();
            case "{signon.name.required}" -> msg.validation_name_required();
            case "{signon.consentPublic.required}" -> msg.validation_consentPublic_required();
            case "{signon.displayName.required}" -> msg.validation_displayName_required();
            default -> v.getMessage();
        };
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

    public FormErrors checkCorrection(CorrectionInput input, SignatoryKind kind, Msg msg) {
        FormErrors errors = FormErrors.none();
        if (kind == SignatoryKind.ORGANIZATION) {
            validator.validate(input, SignOnInput.AsOrganization.class)
                    .forEach(v -> errors.add(v.getPropertyPath().toString(), text(v, msg)));
        }
        validator.validate(input, Default.class).forEach(v -> errors.add(v.getPropertyPath().toString(), text(v, msg)));
        return errors.orderedBy(CorrectionInput.FIELD_ORDER);
    }
}
