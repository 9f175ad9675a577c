package jp.kosodatehub.base.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address the public reaches the application at ({@code kosodate.public-url}), from which every absolute link
 * is built: the request's Host header is the client's to choose, and a link built from it could point elsewhere
 * (in a cached feed, a shared page). {@link HostCheckFilter} refuses requests for any other host.
 */
@Component
public class PublicUrl {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private final String base;
    private final String host;

    PublicUrl(@Value("${kosodate.public-url:http://localhost:8080}") String configured) {
        URI uri = URI.create(configured.strip());
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawQuery() != null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("kosodate.public-url must be an http(s) address without a query, "
                    + "such as https://kosodate.example.jp: " + configured);
        }
        this.base = uri.toString().replaceAll("/+$", "");
        this.host = uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** The public address without a trailing slash, e.g. {@code https://kosodate.example.jp}. */
    public String base() {
        return base;
    }

    /** The public address of a path of the application, e.g. {@code /events/12}. */
    public String of(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /** The public address of the current request: its path within the application and its query. */
    public UriComponentsBuilder ofRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return UriComponentsBuilder.fromUriString(base).path(path).query(request.getQueryString());
    }

    /**
     * Whether requests for this host name are answered: the public host, and the loopback names, which only reach
     * the application from its own machine (health probes, the AOT training run, a check with curl). Links are built
     * from the public address either way, and a loopback name cannot send anyone's browser elsewhere.
     */
    boolean answers(String serverName) {
        if (serverName == null) {
            return false;
        }
        String name = serverName.toLowerCase(Locale.ROOT);
        return name.equals(host) || LOOPBACK.contains(name);
    }
}
