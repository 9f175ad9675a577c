package jp.kosodatehub.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Vaadin's own requests ({@code ?v-r=uidl}, {@code heartbeat}, {@code init}). Their answers carry the page's state
 * and are never stored by a browser or proxy: Vaadin marks UIDL answers only {@code no-cache}, this makes them
 * {@code no-store}. A {@code v-uiId} that is not a UI number is answered 400 with one warning in the log: Vaadin
 * would parse it, fail, and log the whole stack trace as an error, so that anyone could fill the log with them.
 * The query string is read as it came, never the parameters: those of a post would consume its body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class VaadinRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(VaadinRequestFilter.class);
    private static final String UI_ID = "v-uiId";
    private static final Pattern UI_NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern VAADIN_REQUEST = Pattern.compile("(^|&)v-r=(uidl|heartbeat|init)(&|$)");
    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String NO_STORE = "no-cache, no-store, max-age=0, must-revalidate";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.contains("uiId") && !wellFormedUiIds(query)) {
            log.warn("Refused a request with a malformed v-uiId from {}",
                    PlainRefusal.forLog(request.getRemoteAddr()));
            PlainRefusal.badRequest(response, "malformed v-uiId.");
            return;
        }
        if (query != null && VAADIN_REQUEST.matcher(query).find()) {
            response.setHeader(CACHE_CONTROL, NO_STORE);
            chain.doFilter(request, new NoStoreResponse(response));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Keeps {@code no-store} whatever cache header Vaadin sets after it. */
    private static final class NoStoreResponse extends HttpServletResponseWrapper {

        NoStoreResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, CACHE_CONTROL.equalsIgnoreCase(name) ? NO_STORE : value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.setHeader(name, NO_STORE);
            } else {
                super.addHeader(name, value);
            }
        }
    }

    /** Every {@code v-uiId} in the query, however its name was encoded, is a UI number. */
    private static boolean wellFormedUiIds(String query) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (UI_ID.equals(name) && (equals < 0 || !UI_NUMBER.matcher(pair.substring(equals + 1)).matches())) {
                return false;
            }
        }
        return true;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
