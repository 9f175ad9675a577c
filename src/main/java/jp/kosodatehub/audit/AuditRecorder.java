package jp.kosodatehub.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.kosodatehub.security.AppUser;
import org.hibernate.Hibernate;
import org.hibernate.collection.spi.AbstractPersistentCollection;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.Type;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one place where changes are recorded, for every entity: Hibernate calls it after each insert, update and
 * delete it sends to the database, and it writes the audit row on the same connection, so the row commits or
 * rolls back with the change itself. Element collections (an event's age bands) are compared with the owner's
 * loaded snapshot when the owner is updated; their owners are versioned, so a changed collection always updates
 * the owner.
 */
final class AuditRecorder implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    private static final String INSERT_SQL = "INSERT INTO audit_entry (at, account_id, username, entity_type, "
            + "entity_id, entity_version, action, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Clock clock;

    AuditRecorder(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        EntityPersister persister = event.getPersister();
        String type = typeOf(persister);
        if (!AuditValues.audited(type)) {
            return;
        }
        List<FieldChange> changes = new ArrayList<>();
        Object[] state = event.getState();
        String[] names = persister.getPropertyNames();
        for (int i = 0; i < names.length; i++) {
            Object value = state[i];
            if (AuditValues.ignored(names[i]) || value == null
                    || (value instanceof Collection<?> items && items.isEmpty())) {
                continue;
            }
            changes.add(new FieldChange(names[i], null, value(type, names[i], persister.getPropertyTypes()[i],
                    value, event.getSession())));
        }
        write(event.getSession(), type, event.getId(), version(persister, state), AuditAction.INSERT, changes);
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        EntityPersister persister = event.getPersister();
        String type = typeOf(persister);
        if (!AuditValues.audited(type)) {
            return;
        }
        Object[] before = event.getOldState();
        Object[] after = event.getState();
        String[] names = persister.getPropertyNames();
        Type[] types = persister.getPropertyTypes();
        List<FieldChange> changes = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (AuditValues.ignored(names[i])) {
                continue;
            }
            Object old = before == null ? null : before[i];
            String oldText;
            String newText;
            if (types[i].isCollectionType()) {
                Collection<?> oldItems = snapshot(old);
                if (oldItems == null && before != null) {
                    continue; // never loaded, so not changed in this transaction
                }
                oldText = AuditValues.text(oldItems);
                newText = AuditValues.text(after[i] == null ? List.of() : after[i]);
            } else {
                oldText = before == null ? null : value(type, names[i], types[i], old, event.getSession());
                newText = value(type, names[i], types[i], after[i], event.getSession());
            }
            if (!Objects.equals(oldText, newText) || changedPersonal(type, names[i], types[i], before, after, i,
                    event.getSession())) {
                changes.add(new FieldChange(names[i], oldText, newText));
            }
        }
        if (!changes.isEmpty()) {
            write(event.getSession(), type, event.getId(), version(persister, after), AuditAction.UPDATE, changes);
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        EntityPersister persister = event.getPersister();
        String type = typeOf(persister);
        if (!AuditValues.audited(type)) {
            return;
        }
        List<FieldChange> changes = new ArrayList<>();
        Object[] state = event.getDeletedState();
        String[] names = persister.getPropertyNames();
        for (int i = 0; state != null && i < names.length; i++) {
            Object value = state[i];
            if (AuditValues.ignored(names[i]) || value == null || persister.getPropertyTypes()[i].isCollectionType()) {
                continue;
            }
            changes.add(new FieldChange(names[i], value(type, names[i], persister.getPropertyTypes()[i], value,
                    event.getSession()), null));
        }
        write(event.getSession(), type, event.getId(), state == null ? null : version(persister, state),
                AuditAction.DELETE, changes);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    /** A masked field changed from one value to another: both show as the mask, yet the change is recorded. */
    private static boolean changedPersonal(String type, String field, Type propertyType, Object[] before,
                                           Object[] after, int i, SharedSessionContractImplementor session) {
        return before != null && AuditValues.personal(type, field) && !propertyType.isCollectionType()
                && !propertyType.isEqual(before[i], after[i], session.getFactory());
    }

    private static String value(String type, String field, Type propertyType, Object value,
                                SharedSessionContractImplementor session) {
        if (AuditValues.personal(type, field)) {
            return AuditValues.mask(value);
        }
        if (value != null && propertyType.isEntityType()) {
            return String.valueOf(session.getFactory().getPersistenceUnitUtil().getIdentifier(value));
        }
        return AuditValues.text(value);
    }

    /** The elements a loaded collection held when it was read, or null when it was never loaded. */
    private static Collection<?> snapshot(Object old) {
        if (old == null) {
            return List.of();
        }
        if (old instanceof PersistentCollection<?> collection) {
            if (!Hibernate.isInitialized(collection)) {
                return null;
            }
            Object stored = collection instanceof AbstractPersistentCollection<?> tracked
                    ? tracked.getStoredSnapshot() : null;
            if (stored instanceof Map<?, ?> map) {
                return map.values();
            }
            if (stored instanceof Collection<?> items) {
                return items;
            }
            return null;
        }
        return old instanceof Collection<?> items ? items : null;
    }

    private static Long version(EntityPersister persister, Object[] state) {
        if (!persister.isVersioned()) {
            return null;
        }
        Object version = state[persister.getVersionMapping().getVersionAttribute().getStateArrayPosition()];
        return version instanceof Number number ? number.longValue() : null;
    }

    private static String typeOf(EntityPersister persister) {
        return persister.getMappedClass().getSimpleName();
    }

    private void write(SharedSessionContractImplementor session, String type, Object id, Long version,
                       AuditAction action, List<FieldChange> changes) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Long accountId = null;
        String username;
        if (auth != null && auth.getPrincipal() instanceof AppUser user) {
            accountId = user.accountId();
            username = user.getUsername();
        } else if (auth instanceof AnonymousAuthenticationToken) {
            username = AuditEntry.ANONYMOUS;
        } else {
            username = AuditEntry.SYSTEM;
        }
        Connection connection = session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SQL)) {
            insert.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
            if (accountId == null) {
                insert.setNull(2, Types.BIGINT);
            } else {
                insert.setLong(2, accountId);
            }
            insert.setString(3, username);
            insert.setString(4, type);
            if (id instanceof Number number) {
                insert.setLong(5, number.longValue());
            } else {
                insert.setNull(5, Types.BIGINT);
            }
            if (version == null) {
                insert.setNull(6, Types.BIGINT);
            } else {
                insert.setLong(6, version);
            }
            insert.setString(7, action.name());
            insert.setString(8, AuditValues.json(changes));
            insert.executeUpdate();
        } catch (SQLException e) {
            // Failing here fails the change itself: an unrecorded change must not be committed.
            throw new GenericJDBCException("Could not write the audit entry for " + type + " " + id, e);
        }
    }
}
