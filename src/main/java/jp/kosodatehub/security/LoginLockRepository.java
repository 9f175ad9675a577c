package jp.kosodatehub.security;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginLockRepository extends JpaRepository<LoginLock, Long> {

    Optional<LoginLock> findByUsernameKeyAndAddress(String usernameKey, String address);

    @Modifying
    @Query("delete from LoginLock l where l.usernameKey = :usernameKey and l.address = :address")
    int deletePair(String usernameKey, String address);

    @Modifying
    @Query("delete from LoginLock l where l.usernameKey = :usernameKey")
    int deleteName(String usernameKey);

    /** Pairs with no recent failure and no lock still running: nothing left to remember. */
    @Modifying
    @Query("delete from LoginLock l where l.lastFailedAt < :before and (l.lockedUntil is null or l.lockedUntil < :now)")
    int deleteStale(Instant before, Instant now);
}
