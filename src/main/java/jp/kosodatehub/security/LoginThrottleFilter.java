package jp.kosodatehub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login form post from a network address with too many recent failures, before the user name is
 * looked up or a password compared. Not a bean: Spring Boot would also register a bean filter outside Spring
 * Security's chain. The address is the request's remote address, i.e. the client's once forwarded headers
 * from a trusted reverse proxy are honoured ({@code server.forward-headers-strategy}).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String LOGIN = "/login";

    private final LoginProtection protection;

    LoginThrottleFilter(LoginProtection protection) {
        this.protection = protection;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + LOGIN)
                && protection.isThrottled(request.getRemoteAddr())) {
            response.sendRedirect(request.getContextPath() + LOGIN + "?throttled");
            return;
        }
        chain.doFilter(request, response);
    }
}
