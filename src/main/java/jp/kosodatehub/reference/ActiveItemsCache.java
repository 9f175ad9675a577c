package jp.kosodatehub.reference;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The active districts or kinds, kept in memory: every feed page, calendar and form reads them, and the office
 * changes them a few times a year. A change empties the cache once its transaction has committed; a list read
 * while a change was committing is not kept, so a stale list can never outlive the change.
 */
final class ActiveItemsCache<T> {

    private record Entry<T>(long generation, List<T> items) {
    }

    private final AtomicReference<Entry<T>> entry = new AtomicReference<>(new Entry<>(0, null));

    List<T> get(Supplier<List<T>> load) {
        Entry<T> current = entry.get();
        if (current.items() != null) {
            return current.items();
        }
        List<T> loaded = List.copyOf(load.get());
        entry.compareAndSet(current, new Entry<>(current.generation(), loaded));
        return loaded;
    }

    /** Forgets the list after the current transaction commits (at once when there is none). */
    void invalidate() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        } else {
            forget();
        }
    }

    private void forget() {
        entry.updateAndGet(old -> new Entry<>(old.generation() + 1, null));
    }
}
