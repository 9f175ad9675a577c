package jp.kosodatehub.base.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 404 to {@code /error} asked for directly. Spring Boot's error page is meant for the container's error
 * dispatch, which says which status it renders; asked for directly it has none and answered 500 ("status 999").
 * Real errors still reach it through the error dispatch, which this filter does not see.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DirectErrorPathFilter extends OncePerRequestFilter {

    private static final String ERROR_PATH = "/error";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getDispatcherType() == DispatcherType.REQUEST
                && (path.equals(ERROR_PATH) || path.startsWith(ERROR_PATH + "/"))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
