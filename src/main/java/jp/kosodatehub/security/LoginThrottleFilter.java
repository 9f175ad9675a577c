package jp.kosodatehub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login form post from a network address with too many recent failures, or of a name locked from that
 * address ({@link LoginProtection}), before the user name is looked up or a password compared: the answer is the
 * same, and as quick, whether an account has that name or not and whether the password was right. Not a bean: Spring Boot would also register a bean filter outside Spring
 * Security's chain. The address is the request's remote address, i.e. the client's once forwarded headers
 * from a trusted reverse proxy are honoured ({@code server.forward-headers-strategy}).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String LOGIN = "/login";
    private static final String USERNAME = "username";

    private final LoginProtection protection;

    LoginThrottleFilter(LoginProtection protection) {
        this.protection = protection;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + LOGIN)) {
            if (protection.isThrottled(request.getRemoteAddr())) {
                response.sendRedirect(request.getContextPath() + LOGIN + "?throttled");
                return;
            }
            if (protection.isLocked(request.getParameter(USERNAME), request.getRemoteAddr())) {
                response.sendRedirect(request.getContextPath() + LOGIN + "?locked");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
