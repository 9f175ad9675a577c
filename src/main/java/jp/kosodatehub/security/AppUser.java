package jp.kosodatehub.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in person as the services see them: who, which role, and for members which organisation.
 * The password hash is erased once authenticated, so it is not kept in the session.
 */
public final class AppUser implements UserDetails, CredentialsContainer {

    private final Long accountId;
    private final String username;
    private final String displayName;
    private final AccountRole role;
    private final Long organisationId;
    private final boolean enabled;
    private final boolean accountNonLocked;
    private String passwordHash;

    public AppUser(Long accountId, String username, String displayName, AccountRole role, Long organisationId,
                   String passwordHash, boolean enabled) {
        this(accountId, username, displayName, role, organisationId, passwordHash, enabled, true);
    }

    public AppUser(Long accountId, String username, String displayName, AccountRole role, Long organisationId,
                   String passwordHash, boolean enabled, boolean accountNonLocked) {
        this.accountNonLocked = accountNonLocked;
        this.accountId = accountId;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.organisationId = organisationId;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public Long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public AccountRole role() {
        return role;
    }

    public Long organisationId() {
        return organisationId;
    }

    public boolean isCoordinator() {
        return role == AccountRole.COORDINATOR;
    }

    public boolean isMemberOf(Long organisation) {
        return role == AccountRole.MEMBER && organisationId != null && organisationId.equals(organisation);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** {@code false} while the account is locked after repeated failed logins. */
    @Override
    public boolean isAccountNonLocked() {
        return accountNonLocked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppUser other && username.equals(other.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "AppUser[" + username + ", " + role + "]";
    }
}
