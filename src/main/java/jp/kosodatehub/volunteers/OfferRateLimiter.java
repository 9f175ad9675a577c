package jp.kosodatehub.volunteers;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kosodatehub.base.AppProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Limits how many offers of help one network address may send, per hour and per day, so that a flood from one
 * place is refused while everybody else still gets through. The buckets live in memory: a restart forgets them,
 * which only ever lets a sender start afresh.
 */
@Component
class OfferRateLimiter {

    /** Addresses remembered at most; the least recently seen is forgotten first, so a flood of addresses is bounded. */
    static final int MAX_ADDRESSES = 10_000;
    private static final String UNKNOWN = "unknown";

    private final int perHour;
    private final int perDay;
    private final Map<String, Bucket> buckets;

    @Autowired
    OfferRateLimiter(AppProperties properties) {
        this(properties.volunteers().offersPerHour(), properties.volunteers().offersPerDay(), MAX_ADDRESSES);
    }

    OfferRateLimiter(int perHour, int perDay, int maxAddresses) {
        this.perHour = perHour;
        this.perDay = perDay;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Takes one offer from the address's allowance; {@code false} when it has none left. */
    boolean tryAcquire(String clientAddress) {
        return bucket(clientAddress == null || clientAddress.isBlank() ? UNKNOWN : clientAddress).tryConsume(1);
    }

    private Bucket bucket(String address) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(address, key -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
                    .addLimit(limit -> limit.capacity(perDay).refillGreedy(perDay, Duration.ofDays(1)))
                    .build());
        }
    }

    int addressesRemembered() {
        synchronized (buckets) {
            return buckets.size();
        }
    }
}
