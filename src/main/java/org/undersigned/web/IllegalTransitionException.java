package org.undersigned.web;


/** An attempt to move a letter or a signature to a state it cannot reach from where it is. */
public class IllegalTransitionException extends ProblemException {

    public IllegalTransitionException(String what, Enum<?> from, Enum<?> to) {
        super(409, "illegal-transition", "That change is not possible now",
                "A " + what + " that is " + label(from) + " cannot become " + label(to) + ".");
    }

    private static String label(Enum<?> state) {
        return state.name().toLowerCase().replace('_', ' ');
    }
}
