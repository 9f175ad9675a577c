package jp.kosodatehub.audit;

import java.time.LocalDate;

/**
 * What the office looks for in the audit trail; every part is optional. {@code from}/{@code to} are days in Japan,
 * both inclusive; {@code text} is looked for in the changed fields' names and values.
 */
public record AuditFilter(String entityType, Long entityId, String username, LocalDate from, LocalDate to,
                          String text) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
