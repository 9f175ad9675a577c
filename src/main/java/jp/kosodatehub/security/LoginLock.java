package jp.kosodatehub.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Failed logins of one account name from one network address. A run of them locks that pair only, for longer
 * each time: the office's own address keeps logging in while a stranger guesses elsewhere. The name is what was
 * typed, whether or not an account has it, so that unknown names are counted and locked exactly like real ones.
 */
@Entity
@Table(name = "login_lock")
class LoginLock {

    static final int NAME_MAX = 100;
    static final int ADDRESS_MAX = 64;
    /** A lock never lasts longer than this, however often it grew. */
    static final Duration LONGEST = Duration.ofHours(24);
    /** After this long without a failure the pair starts afresh, its locks forgotten. */
    static final Duration FORGOTTEN_AFTER = Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username_key", nullable = false, length = NAME_MAX)
    private String usernameKey;

    @Column(nullable = false, length = ADDRESS_MAX)
    private String address;

    @Column(nullable = false)
    private int failures;

    @Column(name = "first_failed_at")
    private Instant firstFailedAt;

    @Column(name = "last_failed_at", nullable = false)
    private Instant lastFailedAt;

    @Column(nullable = false)
    private int locks;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    /** Two failures of the same pair counted at once: the later is counted again on top (LoginProtection). */
    @Version
    private long version;

    protected LoginLock() {
    }

    LoginLock(String usernameKey, String address, Instant now) {
        this.usernameKey = usernameKey;
        this.address = address;
        this.lastFailedAt = now;
    }

    /** The name as counted: case and surrounding spaces do not matter, and an overlong one is cut. */
    static String key(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > NAME_MAX ? name.substring(0, NAME_MAX) : name;
    }

    static String addressKey(String address) {
        String value = address == null || address.isBlank() ? "unknown" : address.strip();
        return value.length() > ADDRESS_MAX ? value.substring(0, ADDRESS_MAX) : value;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Counts a failure. Failures further apart than {@code window} (from the first counted) start a new count;
     * {@code maxFailures} within it lock the pair for {@code lockout}, doubled for each earlier lock.
     *
     * @return when the pair is now locked until, or {@code null} if this failure did not lock it
     */
    Instant recordFailure(Instant now, int maxFailures, Duration lockout) {
        if (lastFailedAt.plus(FORGOTTEN_AFTER).isBefore(now)) {
            locks = 0;
        }
        lastFailedAt = now;
        if (firstFailedAt == null || firstFailedAt.plus(lockout).isBefore(now)) {
            firstFailedAt = now;
            failures = 0;
        }
        failures++;
        if (failures < maxFailures) {
            return null;
        }
        Duration length = lockout.multipliedBy(1L << Math.min(locks, 16));
        lockedUntil = now.plus(length.compareTo(LONGEST) > 0 ? LONGEST : length);
        locks++;
        failures = 0;
        firstFailedAt = null;
        return lockedUntil;
    }

    String getUsernameKey() {
        return usernameKey;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }

    int getFailures() {
        return failures;
    }
}
