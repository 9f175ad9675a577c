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

    static AppUser toUser(Account account) {
        Long organisationId = account.getOrganisation() == null ? null : account.getOrganisation().getId();
        // A member whose organisation was deactivated can no longer log in.
        boolean enabled = account.isEnabled()
                && (account.getOrganisation() == null || account.getOrganisation().isActive());
        return new AppUser(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                organisationId, account.getPasswordHash(), enabled);
    }
}
