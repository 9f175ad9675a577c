package jp.kosodatehub.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.kosodatehub.audit.AuditService;
import jp.kosodatehub.audit.ConcurrentChange;
import jp.kosodatehub.base.ui.Feedback;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * {@link Feedback#attempt} for saving a record someone else may be editing at the same time: when the save is
 * refused because the record changed since it was loaded, the user sees what changed (from the audit trail) instead
 * of a bare "reload". Nothing is overwritten either way.
 */
public final class Conflicts {

    private Conflicts() {
    }

    /** The record a form edits, as loaded: its audited type, id and version. */
    public record Target(String entityType, Long id, long version) {
    }

    public static <T> T attempt(Component source, AuditService audit, Target edited, Supplier<T> action,
                                Map<String, ? extends HasValidation> fields, Runnable reload) {
        return attempt(source, audit, edited.entityType(), edited.id(), edited.version(), action, fields, reload);
    }

    /**
     * @param entityType the audited record type ({@code "Event"}, {@code "Opening"} …)
     * @param loadedVersion the version the user's form was loaded from
     */
    public static <T> T attempt(Component source, AuditService audit, String entityType, Long entityId,
                                long loadedVersion, Supplier<T> action, Map<String, ? extends HasValidation> fields,
                                Runnable reload) {
        boolean[] conflict = {false};
        T result = Feedback.attempt(source, () -> {
            try {
                return action.get();
            } catch (OptimisticLockingFailureException e) {
                conflict[0] = true;
                return null;
            }
        }, fields, reload);
        if (conflict[0]) {
            List<ConcurrentChange> changes = entityId == null ? null : Feedback.attempt(source,
                    () -> audit.changesSince(entityType, entityId, loadedVersion), Map.of(), null);
            new ConcurrentChangeDialog(changes == null ? List.of() : changes, reload).open();
        }
        return result;
    }
}
