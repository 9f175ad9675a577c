package jp.kosodatehub.volunteers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OfferRateLimiterTest {

    @Test
    void addressGetsItsHourlyAllowanceThenIsRefusedWhileOthersStillGetThrough() {
        OfferRateLimiter limiter = new OfferRateLimiter(3, 20, 100);

        assertThat(IntStream.range(0, 3).mapToObj(i -> limiter.tryAcquire("10.0.0.1"))).containsOnly(true);
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2")).isTrue();
    }

    @Test
    void dailyAllowanceAppliesWhenItIsTheSmallerOne() {
        OfferRateLimiter limiter = new OfferRateLimiter(10, 2, 100);

        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
    }

    @Test
    void unknownAddressesShareOneAllowance() {
        OfferRateLimiter limiter = new OfferRateLimiter(1, 1, 100);

        assertThat(limiter.tryAcquire(null)).isTrue();
        assertThat(limiter.tryAcquire(" ")).isFalse();
    }

    @Test
    void floodOfAddressesIsBoundedAndForgetsTheLeastRecentlySeenFirst() {
        OfferRateLimiter limiter = new OfferRateLimiter(1, 1, 3);
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        limiter.tryAcquire("c");
        // "a" is seen again, so "b" is now the one seen longest ago.
        assertThat(limiter.tryAcquire("a")).isFalse();

        limiter.tryAcquire("d");

        assertThat(limiter.addressesRemembered()).isEqualTo(3);
        assertThat(limiter.tryAcquire("a")).as("still remembered, still used up").isFalse();
        assertThat(limiter.tryAcquire("b")).as("forgotten, starts afresh").isTrue();
    }

    @Test
    void tenThousandAddressesAtMostAreKept() {
        OfferRateLimiter limiter = new OfferRateLimiter(5, 20, OfferRateLimiter.MAX_ADDRESSES);

        IntStream.range(0, OfferRateLimiter.MAX_ADDRESSES + 500).forEach(i -> limiter.tryAcquire("addr-" + i));

        assertThat(limiter.addressesRemembered()).isEqualTo(OfferRateLimiter.MAX_ADDRESSES);
    }
}
