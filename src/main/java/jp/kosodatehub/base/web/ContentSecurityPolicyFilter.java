package jp.kosodatehub.base.web;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.jsoup.nodes.Element;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Content-Security-Policy with a fresh nonce per response: only scripts of this origin and the page's own inline
 * scripts, which Vaadin writes into its start page and {@link #serviceInit} marks with the nonce, may run; injected
 * markup's scripts and inline event handlers may not. What remains, and why (see docs/content-security-policy.md):
 * {@code 'unsafe-eval'}, because Vaadin's client runs the server's {@code executeJs} and element bindings through
 * {@code new Function}; styles are not restricted, because Vaadin's components and Lumo set inline styles.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class ContentSecurityPolicyFilter extends OncePerRequestFilter implements VaadinServiceInitListener {

    private static final String NONCE_ATTRIBUTE = ContentSecurityPolicyFilter.class.getName() + ".nonce";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String nonce = nonce();
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        response.setHeader("Content-Security-Policy", policy(nonce));
        chain.doFilter(request, response);
    }

    private static String policy(String nonce) {
        return "script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; object-src 'none'; base-uri 'self';"
                + " form-action 'self'; frame-ancestors 'self'";
    }

    private static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Marks the scripts of Vaadin's start page with the nonce of the response it is written into. */
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(ContentSecurityPolicyFilter::addNonce);
    }

    private static void addNonce(IndexHtmlResponse page) {
        if (page.getVaadinRequest().getAttribute(NONCE_ATTRIBUTE) instanceof String nonce) {
            for (Element script : page.getDocument().select("script")) {
                script.attr("nonce", nonce);
            }
        }
    }
}
