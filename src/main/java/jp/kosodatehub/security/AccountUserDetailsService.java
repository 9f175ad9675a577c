package jp.kosodatehub.security;

import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsernameIgnoreCase(username == null ? "" : username.strip())
                .map(account -> toUser(account, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }

    /**
     * The account as Spring Security checks it. A lock is reported as {@code isAccountNonLocked() == false},
     * which Spring Security checks before it compares the password: a locked account's answer is the same
     * whether the password was right or not.
     */
    static AppUser toUser(Account account, Instant now) {
        Long organisationId = account.getOrganisation() == null ? null : account.getOrganisation().getId();
        // A member whose organisation was deactivated can no longer log in.
        boolean enabled = account.isEnabled()
                && (account.getOrganisation() == null || account.getOrganisation().isActive());
        return new AppUser(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                organisationId, account.getPasswordHash(), enabled, !account.isLockedAt(now));
    }
}
