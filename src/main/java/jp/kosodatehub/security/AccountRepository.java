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

    /** No version bump: an open admin grid stays current. */
    @Modifying
    @Query("update Account a set a.lastLoginAt = :at where a.username = :username")
    void recordLogin(String username, Instant at);

    /** Shows the office the latest lock of the account's logins from some address, if it has an account. */
    @Modifying
    @Query("update Account a set a.lockedUntil = :until where lower(a.username) = :usernameKey"
            + " and (a.lockedUntil is null or a.lockedUntil < :until)")
    int markLocked(String usernameKey, Instant until);
}
