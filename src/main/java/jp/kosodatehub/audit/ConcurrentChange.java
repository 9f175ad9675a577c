package jp.kosodatehub.audit;

import java.time.Instant;
import java.util.List;

/** Someone else's change to a record since it was loaded for editing: who, when, which fields (no values). */
public record ConcurrentChange(Instant at, String username, AuditAction action, List<String> fields) {
}
