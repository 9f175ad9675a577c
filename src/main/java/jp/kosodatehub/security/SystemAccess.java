package jp.kosodatehub.security;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Lets start-up jobs (first data, demo data) go through the same services as people do, with the office's
 * rights, so that every record they create has passed the same checks.
 */
public final class SystemAccess {

    private static final AppUser SYSTEM = new AppUser(null, "system", "system", AccountRole.COORDINATOR, null,
            null, true);

    private SystemAccess() {
    }

    public static <T> T runAsSystem(Supplier<T> work) {
        return runAs(SYSTEM, work);
    }

    public static <T> T runAs(AppUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
