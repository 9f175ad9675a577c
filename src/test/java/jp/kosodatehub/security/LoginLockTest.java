package jp.kosodatehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How one name's failed logins from one address add up to a lock, and how locks grow, without a server. */
class LoginLockTest {

    private static final int MAX = 5;
    private static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final Instant START = Instant.parse("2026-05-01T09:00:00Z");

    @Test
    void theFifthFailureWithinTheWindowLocksForTheLockoutPeriod() {
        LoginLock pair = new LoginLock("hanako", "203.0.113.7", START);

        for (int i = 0; i < MAX - 1; i++) {
            assertThat(pair.recordFailure(START.plusSeconds(i), MAX, LOCKOUT)).isNull();
        }
        Instant until = pair.recordFailure(START.plusSeconds(MAX), MAX, LOCKOUT);

        assertThat(until).isEqualTo(START.plusSeconds(MAX).plus(LOCKOUT));
        assertThat(pair.isLockedAt(until.minusSeconds(1))).isTrue();
        assertThat(pair.isLockedAt(until)).isFalse();
    }

    @Test
    void eachFurtherLockLastsTwiceAsLongUpToADay() {
        LoginLock pair = new LoginLock("hanako", "203.0.113.7", START);
        Instant now = START;
        Duration expected = LOCKOUT;

        for (int lock = 0; lock < 10; lock++) {
            Instant until = null;
            for (int i = 0; i < MAX; i++) {
                until = pair.recordFailure(now, MAX, LOCKOUT);
            }
            assertThat(until).as("lock " + (lock + 1)).isEqualTo(now.plus(expected));
            now = until;
            expected = expected.multipliedBy(2).compareTo(LoginLock.LONGEST) > 0 ? LoginLock.LONGEST
                    : expected.multipliedBy(2);
        }
        assertThat(expected).isEqualTo(LoginLock.LONGEST);
    }

    @Test
    void failuresFurtherApartThanTheWindowDoNotAddUp() {
        LoginLock pair = new LoginLock("hanako", "203.0.113.7", START);
        for (int i = 0; i < MAX - 1; i++) {
            pair.recordFailure(START.plusSeconds(i), MAX, LOCKOUT);
        }

        Instant later = START.plus(LOCKOUT).plusSeconds(60);

        assertThat(pair.recordFailure(later, MAX, LOCKOUT)).isNull();
        assertThat(pair.getFailures()).isEqualTo(1);
    }

    @Test
    void aDayWithoutFailuresForgetsEarlierLocks() {
        LoginLock pair = new LoginLock("hanako", "203.0.113.7", START);
        for (int i = 0; i < MAX; i++) {
            pair.recordFailure(START, MAX, LOCKOUT);
        }

        Instant nextDay = START.plus(LoginLock.FORGOTTEN_AFTER).plusSeconds(60);
        Instant until = null;
        for (int i = 0; i < MAX; i++) {
            until = pair.recordFailure(nextDay, MAX, LOCKOUT);
        }

        assertThat(until).isEqualTo(nextDay.plus(LOCKOUT));
    }

    @Test
    void namesAreCountedWhateverTheirCaseSpacesOrLength() {
        assertThat(LoginLock.key("  Hanako ")).isEqualTo("hanako");
        assertThat(LoginLock.key("長".repeat(3_000))).hasSize(LoginLock.NAME_MAX);
        assertThat(LoginLock.key(null)).isEmpty();
        assertThat(LoginLock.addressKey("x".repeat(500))).hasSize(LoginLock.ADDRESS_MAX);
        assertThat(LoginLock.addressKey(null)).isEqualTo("unknown");
    }
}
