package jp.kosodatehub.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every public address fed with what an attacker, a broken client or a mangled shared link sends: the answer is a
 * page, a message or a 4xx, never a server error, and never the attacker's script handed back to run.
 * Values are written already percent-encoded and sent as they are, so that the invalid encodings really go out.
 */
@ExtendWith(RestoreSecurityContextStrategy.class)
// A context of its own, like the other HTTP tests: see ApplicantCsvEndpointTest.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kosodatehub.test.context=hostile-http")
class HostileHttpTest {

    private static final Pattern CSRF_META = Pattern.compile(
            "<meta\\s+name=\"_csrf\"\\s+content=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSRF_PARAMETER_META = Pattern.compile(
            "<meta\\s+name=\"_csrf_parameter\"\\s+content=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    static final String SCRIPT = "<script>alert(1)</script>";

    /** Hostile values, percent-encoded as they travel in an address. */
    static final List<String> VALUES = List.of(
            "x".repeat(10_000),
            "%E5%AD%90".repeat(3_000),
            "%00",
            "a%00b%01%1B%7F%0D%0AInjected:%20header",
            URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8),
            "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
            "%27%20OR%201%3D1%20--",
            "%27%3B%20DROP%20TABLE%20event%3B%20--",
            "%C0%AF",
            "%FF%FE%FD",
            "%ED%A0%80",
            "%E2%80%AE",
            "99999999999999999999999999",
            "-1",
            "-2147483649",
            "1e308",
            "NaN",
            "2026-02-30",
            "0000-00-00",
            "+999999999-12-31",
            "",
            "%20",
            "..%2F..%2Fetc%2Fpasswd");

    static final List<String> PARAMETERS = List.of("q", "kind", "age", "district", "when", "from", "to", "weekend",
            "evening", "free", "nobooking", "group", "facility", "page", "size", "lang");

    static final List<String> FEEDS = List.of("/feeds/events.ics", "/feeds/events.rss", "/feeds/events.atom",
            "/api/events");

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    VolunteerFixtures volunteers;

    HttpClient client;

    @BeforeEach
    void newBrowser() {
        client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static Stream<String> feedAddresses() {
        List<String> addresses = new ArrayList<>();
        for (String feed : FEEDS) {
            for (String parameter : PARAMETERS) {
                for (String value : VALUES) {
                    addresses.add(feed + "?" + parameter + "=" + value);
                }
            }
            for (String value : VALUES) {
                // The value as a parameter's name, and a legitimate parameter given twice with it.
                addresses.add(feed + "?" + value + "=1");
                addresses.add(feed + "?age=age-1&age=" + value);
            }
            addresses.add(feed + "?page=-1&size=-20");
            addresses.add(feed + "?page=2147483647&size=2147483647");
            addresses.add(feed + "?from=2026-12-31&to=2026-01-01");
            addresses.add(feed + "?when=week&from=2026-01-01");
            addresses.add(feed + "?facility=,,,,");
        }
        return addresses.stream();
    }

    @ParameterizedTest
    @MethodSource("feedAddresses")
    void feedsAndApiNeverFailOnHostileParameters(String address) throws Exception {
        HttpResponse<String> response = get(address);

        assertNoServerError(address, response);
        // A refusal reaches the caller as itself (the error page is open to all), never as a redirect to the login.
        assertThat(response.statusCode()).as(address).isIn(200, 400, 414, 431);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "999999999999", "99999999999999999999999", "abc", "%00", "1%00",
            "%3Cscript%3E", "1%27%20OR%201%3D1", "%C0%AF", "1.5", "0x10"})
    void oneEventsCalendarFileAnswersNotFoundForNonsenseIds(String id) throws Exception {
        String address = "/events/" + id + ".ics";

        HttpResponse<String> response = get(address);

        assertNoServerError(address, response);
        assertThat(response.statusCode()).as(address).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("BEGIN:VCALENDAR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "999999999999", "99999999999999999999999", "abc", "%00", "%3Cscript%3E",
            "%C0%AF"})
    void storyPhotoAnswersNotFoundForNonsenseIds(String id) throws Exception {
        String address = "/volunteer/stories/" + id + "/photo";

        HttpResponse<String> response = get(address);

        assertNoServerError(address, response);
        // An id the address pattern does not take falls through to the pages, which show their "not found" page.
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(address).doesNotStartWith("image/");
    }

    @Test
    void applicantsCsvRefusesAnotherOrganisationAndGarbage() throws Exception {
        Organisation ours = fixtures.organisation("hostile-ours", false);
        Organisation theirs = fixtures.organisation("hostile-theirs", false);
        Opening opening = volunteers.publishedOpening(theirs, EnumSet.of(SupporterType.ANYONE), null);
        Applicant applicant = volunteers.applicant(opening, TestFixtures.unique("田中花子"), "hanako@example.jp",
                ApplicantStatus.NEW, Instant.now());
        login(fixtures.member(ours));

        HttpResponse<String> other = get("/my/volunteers/export.csv?organisation=" + theirs.getId());
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).doesNotContain(applicant.getName()).doesNotContain("hanako@example.jp");

        for (String value : List.of("abc", "-1", "0", "99999999999999999999999", "%00",
                URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8), "%C0%AF", "1%27%20OR%201%3D1", "x".repeat(5000),
                theirs.getId() + "&organisation=" + ours.getId())) {
            String address = "/my/volunteers/export.csv?organisation=" + value;
            HttpResponse<String> response = get(address);
            assertNoServerError(address, response);
            assertThat(response.body()).as(address).doesNotContain(applicant.getName())
                    .doesNotContain("hanako@example.jp");
        }
    }

    @Test
    void goalsCsvIsForbiddenToMembersWhateverTheyAskFor() throws Exception {
        login(fixtures.member(fixtures.organisation("hostile-goals", false)));

        for (String query : List.of("", "?part=structure", "?plan=1", "?plan=abc", "?plan=-1",
                "?plan=99999999999999999999", "?part=%00", "?part=" + URLEncoder.encode(SCRIPT,
                        StandardCharsets.UTF_8))) {
            String address = "/goals/export.csv" + query;
            HttpResponse<String> response = get(address);
            assertNoServerError(address, response);
            assertThat(response.statusCode()).as(address).isBetween(400, 499);
        }
        String plain = "/goals/export.csv";
        assertThat(get(plain).statusCode()).isEqualTo(403);
    }

    @Test
    void goalsCsvAnswersCoordinatorsGarbageWithoutServerError() throws Exception {
        login(fixtures.coordinator());

        for (String query : List.of("?plan=abc", "?plan=-1", "?plan=999999999999", "?plan=99999999999999999999",
                "?part=%00", "?part=" + "x".repeat(5000), "?plan=%C0%AF")) {
            String address = "/goals/export.csv" + query;
            HttpResponse<String> response = get(address);
            assertNoServerError(address, response);
            // 403 rather than 400: the error page of a refused parameter is itself refused (see the report).
            assertThat(response.statusCode()).as(address).isIn(200, 400, 403, 404);
        }
    }

    @Test
    void loginWithAHostileUsernameIsRefusedWithoutServerError() throws Exception {
        String page = get("/login").body();
        String username = SCRIPT + "\u0000\u202E" + "' OR 1=1 --" + "長".repeat(3_000);
        StringBuilder body = new StringBuilder("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode("x\u0000".repeat(2_000), StandardCharsets.UTF_8));
        Matcher token = CSRF_META.matcher(page);
        if (token.find()) {
            Matcher parameter = CSRF_PARAMETER_META.matcher(page);
            body.append('&').append(parameter.find() ? parameter.group(1) : "_csrf").append('=')
                    .append(URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
        }

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertNoServerError("/login (POST)", response);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("script")
                .doesNotEndWith("/");
    }

    static Stream<String> pageAddresses() {
        return Stream.of("/events/abc", "/events/-1", "/events/0", "/events/999999999999",
                "/events/99999999999999999999999", "/volunteer/999999999999999999999", "/volunteer/abc",
                "/volunteer/0", "/goals/indicators/-1", "/goals/indicators/999999999999",
                "/goals/initiatives/abc", "/%00", "/%C0%AF", "/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "/?q=" + URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8), "/?q=%00", "/?from=2026-02-30",
                "/?age=%C0%AF", "/calendar?month=9999-99", "/calendar?month=%00", "/print?month=-1",
                "/print?from=2026-02-30", "/volunteer?q=%27%20OR%201%3D1%20--", "/goals?plan=abc",
                "/goals/volunteers?year=99999999999", "/my/events/abc", "/my/events/-1",
                "/my/volunteers/openings/999999999999", "/login?error=" + URLEncoder.encode(SCRIPT,
                        StandardCharsets.UTF_8), "/" + "a".repeat(5000));
    }

    @ParameterizedTest
    @MethodSource("pageAddresses")
    void pagesAnswerWithAPageOrA4xxNeverAServerError(String address) throws Exception {
        HttpResponse<String> response = get(address);

        assertNoServerError(address, response);
        assertThat(response.statusCode()).as(address).isIn(200, 302, 400, 403, 404, 414, 431);
    }

    @ParameterizedTest
    @MethodSource("pageAddresses")
    void pagesAnswerALoggedInMemberWithAPageOrA4xx(String address) throws Exception {
        login(fixtures.member(fixtures.organisation("hostile-pages", false)));

        HttpResponse<String> response = get(address);

        assertNoServerError(address, response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/events", "/feeds/events.rss", "/feeds/events.atom", "/feeds/events.ics",
            "/my/events", "/login", "/"})
    void aRequestForAnotherHostIsRefusedAndNeverEchoed(String path) throws Exception {
        for (String host : List.of("evil.example", "evil.example:8080", "localhost.evil.example",
                "evil.example\tx", "")) {
            String response = rawGet(path, host);

            assertThat(response).as(host + " " + path).startsWith("HTTP/1.1 400");
            assertThat(response.toLowerCase(Locale.ROOT)).as(host + " " + path)
                    .doesNotContain("location:").doesNotContain("evil.example");
        }
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() throws Exception {
        for (String address : List.of("/error", "/error?status=500", "/error/x")) {
            HttpResponse<String> response = get(address);

            assertThat(response.statusCode()).as(address).isEqualTo(404);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aMalformedUiIdIsRefusedWithOneWarningAndNoStackTrace(CapturedOutput output) throws Exception {
        get("/");
        get("/?v-r=init&location=&query=");
        List<String> values = List.of("abc", "99999999999999", "-1", "%3Cscript%3E", "", "1%00", "0x1");

        for (String value : values) {
            for (String kind : List.of("uidl", "heartbeat")) {
                String address = "/?v-r=" + kind + "&v-uiId=" + value;
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(address))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"rpc\":[],\"syncId\":0,\"clientId\":0}"))
                        .build(), HttpResponse.BodyHandlers.ofString());

                assertNoServerError(address, response);
                assertThat(response.statusCode()).as(address).isBetween(400, 499);
            }
        }

        assertThat(output.getAll()).doesNotContain("NumberFormatException").doesNotContain("\tat ")
                .doesNotContainPattern("\\sERROR\\s");
        assertThat(output.getAll().lines().filter(line -> line.contains("malformed v-uiId")))
                .hasSize(values.size() * 2).allSatisfy(line -> assertThat(line).contains("WARN"));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A GET with exactly this Host header, which Java's HTTP client would not send. */
    private String rawGet(String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nAccept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertNoServerError(String address, HttpResponse<String> response) {
        String shown = address.length() > 200 ? address.substring(0, 200) + "…" : address;
        assertThat(response.statusCode()).as("status of " + shown).isLessThan(500);
        assertThat(response.body()).as("body of " + shown).doesNotContain(SCRIPT)
                .doesNotContainIgnoringCase("<img src=x onerror");
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private void login(String username) throws Exception {
        String page = get("/login").body();
        StringBuilder body = new StringBuilder("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(TestFixtures.PASSWORD, StandardCharsets.UTF_8));
        Matcher token = CSRF_META.matcher(page);
        if (token.find()) {
            Matcher parameter = CSRF_PARAMETER_META.matcher(page);
            body.append('&').append(parameter.find() ? parameter.group(1) : "_csrf").append('=')
                    .append(URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
