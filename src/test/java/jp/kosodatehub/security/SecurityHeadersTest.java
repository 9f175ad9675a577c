package jp.kosodatehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every kind of response carries the security headers; HSTS only when the request came over https. */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest {

    private static final String HTTPS = "X-Forwarded-Proto";

    @LocalServerPort
    int port;

    @Test
    void pageCarriesTheSecurityHeaders() throws Exception {
        assertSecurityHeaders(browser().get("/"));
    }

    @Test
    void calendarAndNewsFeedsCarryTheSecurityHeaders() throws Exception {
        assertSecurityHeaders(browser().get("/feeds/events.ics"));
        assertSecurityHeaders(browser().get("/feeds/events.rss"));
    }

    @Test
    void apiCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = browser().get("/api/events", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertSecurityHeaders(response);
    }

    @Test
    void csvExportCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = browser().get("/goals/export.csv");

        assertThat(response.statusCode()).as("anonymous is sent to the login").isEqualTo(302);
        assertSecurityHeaders(response);
    }

    @Test
    void plainHttpGetsNoHsts() throws Exception {
        assertThat(browser().get("/").headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(browser().get("/", HTTPS, "http").headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void httpsBehindTheProxyGetsHstsForAYearWithSubdomains() throws Exception {
        for (String path : new String[] {"/", "/api/events", "/feeds/events.ics", "/login"}) {
            HttpResponse<String> response = browser().get(path, HTTPS, "https");

            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path)
                    .hasValueSatisfying(value -> assertThat(value.replace(" ", ""))
                            .isEqualTo("max-age=31536000;includeSubDomains"));
            assertSecurityHeaders(response);
        }
    }

    @Test
    void redirectsBehindTheProxyStayOnHttpsAndTheProxysHost() throws Exception {
        // The tests' public address is on localhost (kosodate.public-url), the host the proxy forwards.
        HttpResponse<String> response = browser().get("/my/events", HTTPS, "https",
                "X-Forwarded-Host", "localhost");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("https://localhost/login");
    }

    @Test
    void aProxyForwardingAnotherHostIsRefusedRatherThanRedirectedThere() throws Exception {
        HttpResponse<String> response = browser().get("/my/events", HTTPS, "https",
                "X-Forwarded-Host", "evil.example");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).doesNotContain("evil.example");
    }

    @Test
    void theStartPagesScriptsCarryTheNonceOfTheirOwnResponseOnly() throws Exception {
        for (String path : new String[] {"/", "/login"}) {
            HttpResponse<String> first = browser().get(path);
            HttpResponse<String> second = browser().get(path);

            String nonce = nonce(first);
            assertThat(nonce).as(path).isNotEqualTo(nonce(second));
            List<String> scripts = Pattern.compile("<script\\b[^>]*>").matcher(first.body()).results()
                    .map(MatchResult::group).toList();
            assertThat(scripts).as(path).isNotEmpty().allSatisfy(tag -> assertThat(tag)
                    .contains("nonce=\"" + nonce + "\""));
        }
    }

    @Test
    void sessionCookieIsSameSiteLaxHttpOnlyAndSecureOverHttps() throws Exception {
        String overHttps = sessionCookie(browser().get("/login", HTTPS, "https"));
        String overHttp = sessionCookie(browser().get("/login"));

        assertThat(overHttps).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("Secure");
        assertThat(overHttp).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Secure");
    }

    @Test
    void vaadinsAnswersWithThePagesStateAreNeverStored() throws Exception {
        HttpBrowser browser = browser();
        browser.get("/");
        HttpResponse<String> init = browser.get("/?v-r=init&location=&query=");
        Matcher key = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"").matcher(init.body());
        assertThat(key.find()).as("the UI's security key").isTrue();

        HttpResponse<String> uidl = browser.post("/?v-r=uidl&v-uiId=0", "application/json; charset=UTF-8",
                "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[],\"syncId\":0,\"clientId\":0}");

        assertThat(uidl.statusCode()).isEqualTo(200);
        assertThat(uidl.body()).contains("\"syncId\"");
        for (HttpResponse<String> response : List.of(init, uidl)) {
            assertThat(response.headers().allValues("Cache-Control")).as(response.uri().toString())
                    .singleElement().satisfies(value -> assertThat(value).contains("no-store"));
        }
    }

    private static String nonce(HttpResponse<String> response) {
        Matcher nonce = Pattern.compile("'nonce-([^']+)'")
                .matcher(response.headers().firstValue("Content-Security-Policy").orElse(""));
        assertThat(nonce.find()).as("a nonce in the policy").isTrue();
        return nonce.group(1);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        var headers = response.headers();
        assertThat(headers.firstValue("X-Content-Type-Options")).as("X-Content-Type-Options").hasValue("nosniff");
        assertThat(headers.firstValue("Content-Security-Policy")).as("Content-Security-Policy")
                .hasValueSatisfying(policy -> assertThat(policy)
                        .containsPattern("(^|; )script-src 'self' 'nonce-[A-Za-z0-9_-]{24}' 'unsafe-eval'(;|$)")
                        .doesNotContain("unsafe-inline").contains("object-src 'none'", "base-uri 'self'",
                                "form-action 'self'", "frame-ancestors 'self'"));
        assertThat(headers.firstValue("X-Frame-Options")).as("X-Frame-Options")
                .hasValueSatisfying(value -> assertThat(value).isEqualToIgnoringCase("SAMEORIGIN"));
        assertThat(headers.firstValue("Referrer-Policy")).as("Referrer-Policy")
                .hasValue("strict-origin-when-cross-origin");
    }

    private HttpBrowser browser() {
        return new HttpBrowser(port, null);
    }
}
