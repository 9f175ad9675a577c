package jp.kosodatehub.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsernameIgnoreCase(username == null ? "" : username.strip())
                .map(AccountUserDetailsService::toUser)
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }

    /**
     * The account as Spring Security checks it. Locks after failed logins are not the account's but a name's from
     * one address, refused before this lookup (LoginThrottleFilter), so the account itself is never locked here.
     */
    static AppUser toUser(Account account) {
        Long organisationId = account.getOrganisation() == null ? null : account.getOrganisation().getId();
        // A member whose organisation was deactivated can no longer log in.
        boolean enabled = account.isEnabled()
                && (account.getOrganisation() == null || account.getOrganisation().isActive());
        return new AppUser(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                organisationId, account.getPasswordHash(), enabled, true);
    }
}
