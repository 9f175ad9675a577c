package jp.kosodatehub.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling a service. Services ask this rather than trusting ids passed in by views. */
@Component
public class CurrentUser {

    public Optional<AppUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof AppUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public AppUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Login required"));
    }

    public boolean isCoordinator() {
        return get().map(AppUser::isCoordinator).orElse(false);
    }
}
