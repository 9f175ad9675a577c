package jp.kosodatehub.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeedResponseCacheTest {

    private final FeedResponseCache cache = new FeedResponseCache();

    @Test
    void aBodyIsBuiltOncePerKeyAndServedFromMemoryAfterwards() {
        AtomicInteger builds = new AtomicInteger();

        byte[] first = cache.get("etag-1", () -> bytes("calendar " + builds.incrementAndGet()));
        byte[] second = cache.get("etag-1", () -> bytes("calendar " + builds.incrementAndGet()));
        byte[] other = cache.get("etag-2", () -> bytes("calendar " + builds.incrementAndGet()));

        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("calendar 1");
        assertThat(second).isSameAs(first);
        assertThat(new String(other, StandardCharsets.UTF_8)).isEqualTo("calendar 2");
        assertThat(builds).hasValue(2);
    }

    @Test
    void requestsArrivingWhileTheBodyIsBuiltWaitForItInsteadOfBuildingItAgain() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<byte[]> builder = pool.submit(() -> cache.get("slow", () -> {
                builds.incrementAndGet();
                building.countDown();
                await(release);
                return bytes("year of salons");
            }));
            assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<byte[]>> waiting = List.of(
                    pool.submit(() -> cache.get("slow", () -> bytes("built twice " + builds.incrementAndGet()))),
                    pool.submit(() -> cache.get("slow", () -> bytes("built twice " + builds.incrementAndGet()))));
            release.countDown();

            assertThat(builder.get(10, TimeUnit.SECONDS)).asString(StandardCharsets.UTF_8)
                    .isEqualTo("year of salons");
            for (Future<byte[]> other : waiting) {
                assertThat(other.get(10, TimeUnit.SECONDS)).asString(StandardCharsets.UTF_8)
                        .isEqualTo("year of salons");
            }
            assertThat(builds).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedBuildIsNotKeptAndTheNextRequestTriesAgain() {
        assertThatThrownBy(() -> cache.get("broken", () -> {
            throw new IllegalStateException("database went away");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(cache.get("broken", () -> bytes("fine now"))).asString(StandardCharsets.UTF_8)
                .isEqualTo("fine now");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedBodiesGoFirstWhenTheCacheIsFull() {
        byte[] large = new byte[(int) (FeedResponseCache.MAX_BYTES / 4)];
        cache.get("a", () -> large);
        cache.get("b", () -> large);
        cache.get("c", () -> large);
        cache.get("a", () -> bytes("rebuilt"));  // a is used again, so b is now the oldest
        cache.get("d", () -> large);
        cache.get("e", () -> large);

        assertThat(cache.bytes()).isLessThanOrEqualTo(FeedResponseCache.MAX_BYTES);
        assertThat(cache.get("a", () -> bytes("rebuilt"))).isSameAs(large);
        assertThat(cache.get("b", () -> bytes("rebuilt"))).asString(StandardCharsets.UTF_8).isEqualTo("rebuilt");
        for (int i = 0; i < FeedResponseCache.MAX_ENTRIES + 10; i++) {
            cache.get("small-" + i, () -> bytes("x"));
        }
        assertThat(cache.size()).isEqualTo(FeedResponseCache.MAX_ENTRIES);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
