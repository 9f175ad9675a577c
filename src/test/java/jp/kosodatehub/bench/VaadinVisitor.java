package jp.kosodatehub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A first visit to a Vaadin page over HTTP, the way the browser makes it: the page's HTML (which opens the
 * session), the UI's bootstrap request ({@code v-r=init}), and the navigation message that builds the view and
 * returns its content. Each visitor is a new anonymous session, like a parent opening a shared link.
 */
final class VaadinVisitor {

    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");

    /** Server time (as seen on loopback) of each of the three requests, and what the page showed. */
    record Visit(double pageMillis, double initMillis, double navigateMillis, int cards, int bytes,
                 long navigateStatements, long visitStatements) {

        double totalMillis() {
            return pageMillis + initMillis + navigateMillis;
        }
    }

    private final HttpClient http;
    private final String base;
    private final LongSupplier statements;

    /** {@code statements}: the server's count of SQL statements so far (Hibernate's statistics). */
    VaadinVisitor(HttpClient http, int port, LongSupplier statements) {
        this.http = http;
        this.base = "http://127.0.0.1:" + port;
        this.statements = statements;
    }

    Visit open(String route, String query) throws IOException, InterruptedException {
        String suffix = query.isEmpty() ? "" : "?" + query;
        long statementsBefore = statements.getAsLong();
        long start = System.nanoTime();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/" + route + suffix))
                .header("Accept-Language", "ja").GET().build(), HttpResponse.BodyHandlers.ofString());
        long pageDone = System.nanoTime();
        String cookie = page.headers().allValues("Set-Cookie").stream().map(SESSION::matcher)
                .filter(Matcher::find).map(m -> "JSESSIONID=" + m.group(1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No session cookie from /" + route + suffix));

        String init = base + "/?v-r=init&location=" + encode(route) + "&query=" + encode(query);
        HttpResponse<String> bootstrap = http.send(HttpRequest.newBuilder(URI.create(init))
                .header("Cookie", cookie).header("Accept-Language", "ja").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long initDone = System.nanoTime();
        Matcher key = SECURITY_KEY.matcher(bootstrap.body());
        if (bootstrap.statusCode() != 200 || !key.find()) {
            throw new IllegalStateException("Bootstrap failed: " + bootstrap.statusCode());
        }

        String navigation = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s",\
                "query":"%s","appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,\
                "clientId":0}""".formatted(key.group(1), route, query);
        long statementsBeforeNavigate = statements.getAsLong();
        long navigateStart = System.nanoTime();
        HttpResponse<String> content = http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=0"))
                .header("Cookie", cookie).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigation)).build(), HttpResponse.BodyHandlers.ofString());
        long navigateDone = System.nanoTime();
        long statementsAfter = statements.getAsLong();
        if (content.statusCode() != 200 || content.body().contains("\"meta\":{\"sessionExpired\"")) {
            throw new IllegalStateException("Navigation failed: " + content.statusCode());
        }
        return new Visit(millis(pageDone - start), millis(initDone - pageDone), millis(navigateDone - navigateStart),
                count(content.body(), "event-card"), content.body().length(),
                statementsAfter - statementsBeforeNavigate,
                statementsAfter - statementsBefore);
    }

    private static int count(String text, String needle) {
        int found = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            found++;
        }
        return found;
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
