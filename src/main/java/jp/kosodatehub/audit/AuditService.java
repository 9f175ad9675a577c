package jp.kosodatehub.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.criteria.Predicate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.security.CurrentUser;
import jp.kosodatehub.security.Roles;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail. Only the office browses it; nobody can change it (there is no method to). Someone
 * whose save was refused because another person changed the record meanwhile may see which fields were changed,
 * by whom and when — never the values, which may be someone else's to see.
 */
@Service
public class AuditService {

    /** The kinds of record in the trail, for the office's filter, in the order the menu lists them. */
    public static final List<String> ENTITY_TYPES = List.of("Event", "OccurrenceChange", "Organisation", "Account",
            "District", "EventKind", "Plan", "Pillar", "Initiative", "TargetImage", "TargetImageNote", "Indicator",
            "IndicatorResult", "Opening", "Applicant", "ApplicantNote", "VolunteerActivity", "Story", "StoryPhoto");

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final int MAX_CONCURRENT = 50;

    private final AuditRepository entries;
    private final CurrentUser currentUser;

    AuditService(AuditRepository entries, CurrentUser currentUser) {
        this.entries = entries;
        this.currentUser = currentUser;
    }

    /** One page of entries matching the filter, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public List<AuditEntry> entries(AuditFilter filter, int offset, int limit) {
        requireCoordinator();
        return entries.findAll(matching(filter), OffsetPage.of(offset, limit,
                Sort.by(Sort.Direction.DESC, "at", "id"))).getContent();
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public long count(AuditFilter filter) {
        requireCoordinator();
        return entries.count(matching(filter));
    }

    /**
     * The changes to a record after the version the caller loaded, oldest first, as field names with who and
     * when: what the caller needs to understand why their save was refused.
     */
    @Transactional(readOnly = true)
    @PermitAll
    public List<ConcurrentChange> changesSince(String entityType, Long entityId, long loadedVersion) {
        currentUser.require();
        Specification<AuditEntry> spec = (root, query, cb) -> cb.and(
                cb.equal(root.get("entityType"), entityType), cb.equal(root.get("entityId"), entityId),
                cb.greaterThan(root.get("entityVersion"), loadedVersion));
        List<ConcurrentChange> result = new ArrayList<>();
        for (AuditEntry entry : entries.findAll(spec, OffsetPage.of(0, MAX_CONCURRENT, Sort.by("at", "id")))) {
            Set<String> fields = new LinkedHashSet<>();
            entry.getChanges().forEach(change -> fields.add(change.field()));
            result.add(new ConcurrentChange(entry.getAt(), entry.getUsername(), entry.getAction(),
                    List.copyOf(fields)));
        }
        return result;
    }

    private void requireCoordinator() {
        if (!currentUser.require().isCoordinator()) {
            throw new AccessDeniedException("Only the office reads the audit trail");
        }
    }

    private static Specification<AuditEntry> matching(AuditFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.entityType() != null && !filter.entityType().isBlank()) {
                where.add(cb.equal(root.get("entityType"), filter.entityType()));
            }
            if (filter.entityId() != null) {
                where.add(cb.equal(root.get("entityId"), filter.entityId()));
            }
            if (filter.username() != null && !filter.username().isBlank()) {
                where.add(cb.equal(cb.lower(root.get("username")),
                        filter.username().strip().toLowerCase(Locale.ROOT)));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("at"), filter.from().atStartOfDay(JAPAN).toInstant()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("at"), filter.to().plusDays(1).atStartOfDay(JAPAN).toInstant()));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                where.add(cb.like(cb.lower(root.get("changes")),
                        "%" + escape(filter.text().strip().toLowerCase(Locale.ROOT)) + "%", '\\'));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
