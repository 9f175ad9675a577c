package jp.kosodatehub.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the audit trail may keep of a value, and how: short text, never personal data. Personal fields are only
 * marked as changed, so that anonymising a volunteer really removes their name, contact and words from the
 * database, the audit trail included.
 */
final class AuditValues {

    static final String MASK = "***";
    static final int MAX_LENGTH = 200;

    /** Fields whose values never enter the audit trail, by entity type. */
    private static final Map<String, Set<String>> PERSONAL = Map.of(
            "Applicant", Set.of("name", "email", "phone", "contactKey", "availability", "message", "guardianName"),
            "ApplicantNote", Set.of("text"),
            "Account", Set.of("passwordHash"));

    /** Bookkeeping that changes with every save or login and says nothing about what was changed. */
    private static final Set<String> IGNORED = Set.of("version", "updatedAt", "lastLoginAt");

    /**
     * Records not audited: the trail itself, dates derived from a series (the series' change is recorded), the
     * personal-data access log (a log of its own), status history (the record's status change is recorded) and
     * failed-login counters (per typed name and address: a mistyped password in the name field, people's addresses;
     * the account's lock itself is recorded on the account).
     */
    private static final Set<String> SKIPPED = Set.of("AuditEntry", "EventOccurrence", "ApplicantAccess",
            "EventStatusChange", "LoginLock");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<FieldChange>> LIST = new TypeReference<>() {
    };

    private AuditValues() {
    }

    static boolean audited(String entityType) {
        return !SKIPPED.contains(entityType);
    }

    static boolean ignored(String field) {
        return IGNORED.contains(field);
    }

    static boolean personal(String entityType, String field) {
        return PERSONAL.getOrDefault(entityType, Set.of()).contains(field);
    }

    /** Short text for a value; entities have already been replaced by their ids. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        if (value instanceof Collection<?> items) {
            List<String> texts = new ArrayList<>();
            items.forEach(item -> texts.add(String.valueOf(item)));
            texts.sort(null);
            return truncate(String.join(", ", texts));
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return truncate(String.valueOf(value));
    }

    static String mask(Object value) {
        return value == null || (value instanceof String s && s.isEmpty()) ? null : MASK;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }

    static String json(List<FieldChange> changes) {
        return JSON.writeValueAsString(changes);
    }

    static List<FieldChange> parse(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, LIST);
    }
}
