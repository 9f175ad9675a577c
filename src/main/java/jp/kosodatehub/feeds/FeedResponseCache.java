package jp.kosodatehub.feeds;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Finished feed bodies, by everything they depend on (the validators' ETag already covers the public events'
 * last change, the day, the canonical query, the language and the base address; callers add the exact request
 * address where the body echoes it). Calendar apps and feed readers poll the same few addresses all day, and a
 * calendar of a whole year of series takes far longer to build than to send, so each body is built once per
 * change; a change to any public event gives new keys, and the old entries age out.
 *
 * <p>Bounded by entries and bytes, least recently used first out. When several requests ask for the same body
 * that is not built yet, one builds it and the others wait for it rather than building it too.
 */
@Component
class FeedResponseCache {

    static final int MAX_ENTRIES = 256;
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private record Entry(CompletableFuture<byte[]> body, long[] bytes) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long totalBytes;

    byte[] get(String key, Supplier<byte[]> build) {
        Entry mine = new Entry(new CompletableFuture<>(), new long[1]);
        Entry existing;
        synchronized (this) {
            existing = entries.putIfAbsent(key, mine);
        }
        if (existing != null) {
            try {
                return existing.body().join();
            } catch (CompletionException e) {
                // The request that built it failed and has reported why; build it here instead, uncached.
                return build.get();
            }
        }
        byte[] body;
        try {
            body = build.get();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                entries.remove(key, mine);
            }
            mine.body().completeExceptionally(e);
            throw e;
        }
        synchronized (this) {
            if (entries.get(key) == mine) {
                mine.bytes()[0] = body.length;
                totalBytes += body.length;
                evict();
            }
        }
        mine.body().complete(body);
        return body;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long bytes() {
        return totalBytes;
    }

    private void evict() {
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext() && (entries.size() > MAX_ENTRIES || totalBytes > MAX_BYTES)) {
            Entry oldest = oldestFirst.next();
            if (oldest.body().isDone()) {
                totalBytes -= oldest.bytes()[0];
                oldestFirst.remove();
            }
        }
    }
}
