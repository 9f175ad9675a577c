package jp.kosodatehub.base.web;

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
 * Answers 400 to an address whose query string cannot be decoded (invalid UTF-8 such as {@code %C0%AF}, a broken
 * percent sign). Tomcat refuses such parameters with an exception wherever they are first read, which would
 * otherwise surface as a server error from whichever controller or view happened to read them.
 * Only {@code GET} and {@code HEAD}: reading the parameters of other requests would consume their bodies
 * (uploads), which belong to the servlet they are meant for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnreadableParametersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException e) {
                PlainRefusal.badRequest(response, "the address contains characters that cannot be read.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
