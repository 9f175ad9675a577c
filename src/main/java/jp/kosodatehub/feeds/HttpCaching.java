package jp.kosodatehub.feeds;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.WebRequest;

/** The caching headers every feed, calendar and API response carries, and the answer to conditional requests. */
final class HttpCaching {

    static final String CACHE_CONTROL = "public, max-age=300";

    private HttpCaching() {
    }

    /**
     * Writes the caching headers and tells whether the client's copy is still current, in which case Spring
     * answers 304 without a body and the caller returns {@code null}.
     */
    static boolean notModified(WebRequest request, HttpServletResponse response, FeedValidators.Validators validators) {
        // Spring Security writes "no-cache" headers before the controller runs (SecurityConfig writes headers
        // eagerly); replace them, as these responses are public and the same for everyone.
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader(HttpHeaders.PRAGMA, null);
        response.setHeader(HttpHeaders.EXPIRES, null);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        return request.checkNotModified(validators.etag(), validators.lastModified().toEpochMilli());
    }
}
