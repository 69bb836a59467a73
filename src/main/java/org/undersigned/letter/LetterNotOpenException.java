package org.undersigned.letter;

import org.undersigned.web.ProblemException;

/** A sign-on (or a confirmation) for a letter that is not collecting signatures. */
public class LetterNotOpenException extends ProblemException {

    public LetterNotOpenException(String title, String detail) {
        super(409, "letter-not-open", title, detail);
    }
}
