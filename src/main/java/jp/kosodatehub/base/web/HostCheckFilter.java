package jp.kosodatehub.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 to a request for a host other than the public address's ({@link PublicUrl}), whether it came as
 * {@code Host} or, from the trusted proxy, as {@code X-Forwarded-Host}. Links are built from the configured address
 * anyway; this also keeps the host out of what the frameworks build from it, such as redirect locations.
 * The health probes are exempt: orchestrators call them by the machine's own address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HostCheckFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(HostCheckFilter.class);

    private final PublicUrl publicUrl;

    HostCheckFilter(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!publicUrl.answers(request.getServerName())) {
            log.debug("Refused a request for host {} (not kosodate.public-url)",
                    PlainRefusal.forLog(request.getServerName()));
            PlainRefusal.badRequest(response, "unknown host.");
            return;
        }
        chain.doFilter(request, response);
    }
}
