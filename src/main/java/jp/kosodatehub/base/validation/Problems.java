package jp.kosodatehub.base.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects broken rules while a service checks its input, then throws them together. */
public final class Problems {

    private final List<InvalidInputException.FieldProblem> list = new ArrayList<>();

    public Problems text(String field, String value, boolean required, int maxLength, boolean multiLine) {
        String key = TextRules.check(value, required, maxLength, multiLine);
        if (key != null) {
            add(field, key);
        }
        return this;
    }

    public Problems add(String field, String messageKey) {
        list.add(new InvalidInputException.FieldProblem(field, messageKey));
        return this;
    }

    public Problems require(boolean condition, String field, String messageKey) {
        if (!condition) {
            add(field, messageKey);
        }
        return this;
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException(list);
        }
    }
}
