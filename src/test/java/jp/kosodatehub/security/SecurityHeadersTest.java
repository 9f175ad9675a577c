package jp.kosodatehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        var headers = response.headers();
        assertThat(headers.firstValue("X-Content-Type-Options")).as("X-Content-Type-Options").hasValue("nosniff");
        assertThat(headers.firstValue("Content-Security-Policy")).as("Content-Security-Policy")
                .hasValue("frame-ancestors 'self'");
        assertThat(headers.firstValue("X-Frame-Options")).as("X-Frame-Options")
                .hasValueSatisfying(value -> assertThat(value).isEqualToIgnoringCase("SAMEORIGIN"));
        assertThat(headers.firstValue("Referrer-Policy")).as("Referrer-Policy")
                .hasValue("strict-origin-when-cross-origin");
    }

    private HttpBrowser browser() {
        return new HttpBrowser(port, null);
    }
}
