package jp.kosodatehub.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsernameIgnoreCase(String username);

    boolean existsByUsernameIgnoreCase(String username);

    Page<Account> findAllByOrderByUsernameAsc(Pageable pageable);

    /** Enabled accounts of the organisation with the role that gave a notification address, oldest first. */
    @Query("select a from Account a where a.organisation.id = :organisationId and a.role = :role"
            + " and a.enabled = true and a.email is not null order by a.id")
    List<Account> mailableMembers(Long organisationId, AccountRole role, Pageable pageable);

    /** A successful login also forgets earlier failures. No version bump: an open admin grid stays current. */
    @Modifying
    @Query("update Account a set a.lastLoginAt = :at, a.failedLogins = 0, a.firstFailedAt = null,"
            + " a.lockedUntil = null where a.username = :username")
    void recordLogin(String username, Instant at);

    /** Counts a failed login; a failure after the window (since the first counted one) starts a new count. */
    @Modifying
    @Query("update Account a set"
            + " a.failedLogins = case when a.firstFailedAt is null or a.firstFailedAt < :windowStart then 1"
            + " else a.failedLogins + 1 end,"
            + " a.firstFailedAt = case when a.firstFailedAt is null or a.firstFailedAt < :windowStart then :now"
            + " else a.firstFailedAt end"
            + " where upper(a.username) = upper(:username)")
    int recordFailure(String username, Instant now, Instant windowStart);

    /** Locks the account once its count reached the limit; the count starts afresh for after the lock. */
    @Modifying
    @Query("update Account a set a.lockedUntil = :until, a.failedLogins = 0, a.firstFailedAt = null"
            + " where upper(a.username) = upper(:username) and a.failedLogins >= :maxFailures")
    int lockIfTooMany(String username, int maxFailures, Instant until);
}
