package jp.kosodatehub.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser talking real HTTP to the test server, optionally as if behind the reverse proxy: the tests run with
 * {@code server.forward-headers-strategy=native} (pom.xml), and requests from 127.0.0.1 may then say which client
 * they forward ({@code X-Forwarded-For}) and whether it came over https ({@code X-Forwarded-Proto}).
 */
final class HttpBrowser {

    private static final Pattern CSRF_META = Pattern.compile(
            "<meta\\s+name=\"_csrf\"\\s+content=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSRF_PARAMETER_META = Pattern.compile(
            "<meta\\s+name=\"_csrf_parameter\"\\s+content=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    private final int port;
    private final String forwardedFor;
    private final HttpClient client;

    /** A browser that reaches the server through the proxy from {@code forwardedFor}, or directly if null. */
    HttpBrowser(int port, String forwardedFor) {
        this.port = port;
        this.forwardedFor = forwardedFor;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The client address the proxy forwards, or null. */
    String address() {
        return forwardedFor;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Accept", "text/html,*/*").GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest request = request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Loads the login page and posts the form as the browser would; returns where it is sent next. */
    String login(String username, String password) throws IOException, InterruptedException {
        String page = get("/login").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        Matcher token = CSRF_META.matcher(page);
        if (token.find()) {
            Matcher parameter = CSRF_PARAMETER_META.matcher(page);
            form.put(parameter.find() ? parameter.group(1) : "_csrf", token.group(1));
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest post = request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new AssertionError("Login answered " + response.statusCode() + " instead of a redirect");
        }
        String location = response.headers().firstValue("Location").orElse("");
        // Only the path and query matter; the host differs behind the proxy.
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
