package jp.kosodatehub.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * One change to one record: who, when, what, and its fields before and after. Written by {@link AuditRecorder}
 * straight into the table in the transaction of the change; read-only for the application.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    /** Who an entry names when nobody was logged in: the application itself (jobs, start-up) or a visitor. */
    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";

    @Id
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false, length = 80)
    private String username;

    @Column(name = "entity_type", nullable = false, length = 60)
    private String entityType;

    @Column(name = "entity_id")
    private Long entityId;

    @Column(name = "entity_version")
    private Long entityVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private AuditAction action;

    @Column(nullable = false, length = 100000)
    private String changes;

    protected AuditEntry() {
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getUsername() {
        return username;
    }

    public String getEntityType() {
        return entityType;
    }

    public Long getEntityId() {
        return entityId;
    }

    public Long getEntityVersion() {
        return entityVersion;
    }

    public AuditAction getAction() {
        return action;
    }

    /** The changed fields, in the order the record declares them. */
    public List<FieldChange> getChanges() {
        return AuditValues.parse(changes);
    }

    @Override
    public String toString() {
        return "AuditEntry[" + action + " " + entityType + " " + entityId + " by " + username + ": " + changes + "]";
    }
}
