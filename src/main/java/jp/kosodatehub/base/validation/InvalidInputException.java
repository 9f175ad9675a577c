package jp.kosodatehub.base.validation;

import java.util.List;

/**
 * Thrown by services when input breaks a rule. Carries translation keys per field so a view can show each
 * message at the field it belongs to; nothing has been saved when it is thrown.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super("Invalid input: " + problems);
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String messageKey) {
        this(List.of(new FieldProblem(field, messageKey)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** A broken rule: the field's name and the translation key of the message. */
    public record FieldProblem(String field, String messageKey) {
    }
}
