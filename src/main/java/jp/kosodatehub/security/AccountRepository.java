package jp.kosodatehub.security;

import java.time.Instant;
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

    @Modifying
    @Query("update Account a set a.lastLoginAt = :at where a.username = :username")
    void recordLogin(String username, Instant at);
}
