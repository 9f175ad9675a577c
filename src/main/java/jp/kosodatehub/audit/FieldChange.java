package jp.kosodatehub.audit;

/**
 * One field of a record as it was before and after a change, as short text; personal data shows as
 * {@link AuditValues#MASK}. {@code before} is null for a new record, {@code after} for a deleted one.
 */
public record FieldChange(String field, String before, String after) {
}
