package jp.kosodatehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Logs in over real HTTP, as a browser does, to check what the security filter chain does with the form. */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginHttpTest {

    private static final Pattern CSRF_META = Pattern.compile(
            "<meta\\s+name=\"_csrf\"\\s+content=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSRF_PARAMETER_META = Pattern.compile(
            "<meta\\s+name=\"_csrf_parameter\"\\s+content=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    OrganisationService organisations;

    CookieManager cookies;
    HttpClient client;

    @BeforeEach
    void newBrowser() {
        cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void loginPageIsServedAsHtml() throws Exception {
        HttpResponse<String> response = get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).containsIgnoringCase("<html");
        // The application's own login view, started by Vaadin, not Spring Security's generated fallback form.
        assertThat(response.body()).doesNotContain("Please sign in").contains("window.Vaadin");
    }

    @Test
    void loginPageCarriesSecurityHeaders() throws Exception {
        assertSecurityHeaders(get("/login"));
    }

    @Test
    void publicFeedPageCarriesSecurityHeaders() throws Exception {
        assertSecurityHeaders(get("/"));
    }

    @Test
    void redirectToTheLoginCarriesSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/my/events");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login");
        assertSecurityHeaders(response);
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as("X-Content-Type-Options")
                .hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as("Referrer-Policy")
                .hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).as("X-Frame-Options")
                .hasValueSatisfying(value -> assertThat(value).isEqualToIgnoringCase("SAMEORIGIN"));
    }

    @Test
    void stylesheetIsServedWithoutLogin() throws Exception {
        HttpResponse<String> response = get("/styles/app.css");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/css"));
        assertThat(response.body()).isNotBlank();
    }

    @Test
    void correctPasswordLogsInWithAFreshSession() throws Exception {
        String username = fixtures.member(fixtures.organisation("login", false));
        Instant before = Instant.now().minusSeconds(1);
        get("/login");
        Optional<String> sessionBefore = sessionId();
        assertThat(sessionBefore).as("the login page starts a session").isPresent();

        HttpResponse<String> response = postLogin(username, TestFixtures.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).doesNotContain("error").doesNotEndWith("/login");
        assertThat(sessionId()).as("session fixation protection gives a new session id").isPresent()
                .isNotEqualTo(sessionBefore);
        Account account = fixtures.account(username);
        assertThat(account.getLastLoginAt()).as("last login recorded").isNotNull().isAfter(before);
    }

    @Test
    void loggedInSessionOpensAStaffOnlyPage() throws Exception {
        String username = fixtures.member(fixtures.organisation("login", false));
        get("/login");
        HttpResponse<String> anonymous = get("/my/events");
        assertThat(anonymous.statusCode()).as("anonymous visitor is sent to the login").isEqualTo(302);

        postLogin(username, TestFixtures.PASSWORD);

        assertThat(get("/my/events").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsSentBackToTheLoginWithAnError() throws Exception {
        String username = fixtures.member(fixtures.organisation("login", false));
        get("/login");

        HttpResponse<String> response = postLogin(username, "wrong-password-123");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login?error");
        assertThat(repository.findByUsernameIgnoreCase(username).orElseThrow().getLastLoginAt()).isNull();
    }

    @Test
    void unknownUserIsSentBackToTheLoginWithAnError() throws Exception {
        get("/login");

        HttpResponse<String> response = postLogin(TestFixtures.unique("nobody"), TestFixtures.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login?error");
    }

    @Test
    void loginPageCarriesTheTokenItsFormPosts() throws Exception {
        get("/login");

        assertThat(csrfToken()).as("meta _csrf, which Vaadin's login form posts with the user name").isPresent();
    }

    @Test
    void crossSiteLoginPostWithoutTheTokenIsRefusedAndLogsNobodyIn() throws Exception {
        String username = fixtures.member(fixtures.organisation("login", false));

        HttpResponse<String> response = post("/login", "username=" + username + "&password="
                + URLEncoder.encode(TestFixtures.PASSWORD, StandardCharsets.UTF_8), "Origin", "https://evil.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(location(response)).isEmpty();
        assertThat(fixtures.account(username).getLastLoginAt()).as("no login recorded").isNull();
        assertThat(get("/my/events").statusCode()).as("the browser is still anonymous").isEqualTo(302);
    }

    @Test
    void loginPostWithAnotherSessionsTokenIsRefused() throws Exception {
        String username = fixtures.member(fixtures.organisation("login", false));
        CsrfToken attackers = csrfToken().orElseThrow();
        newBrowser();
        get("/login");

        HttpResponse<String> response = post("/login", "username=" + username + "&password="
                + URLEncoder.encode(TestFixtures.PASSWORD, StandardCharsets.UTF_8) + "&" + attackers.parameter()
                + "=" + URLEncoder.encode(attackers.value(), StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(get("/my/events").statusCode()).as("the browser is still anonymous").isEqualTo(302);
    }

    @Test
    void disabledAccountCannotLogInEvenWithTheRightPassword() throws Exception {
        String username = fixtures.member(fixtures.organisation("login", false));
        String coordinator = fixtures.coordinator();
        Account account = repository.findByUsernameIgnoreCase(username).orElseThrow();
        fixtures.as(coordinator, () -> accounts.setEnabled(account.getId(), account.getVersion(), false));
        get("/login");

        HttpResponse<String> response = postLogin(username, TestFixtures.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login?error");
        assertThat(repository.findByUsernameIgnoreCase(username).orElseThrow().getLastLoginAt()).isNull();
    }

    @Test
    void memberOfADeactivatedOrganisationCannotLogIn() throws Exception {
        Organisation organisation = fixtures.organisation("closed", false);
        String username = fixtures.member(organisation);
        organisation.setActive(false);
        fixtures.as(fixtures.coordinator(), () -> organisations.save(organisation));
        get("/login");

        HttpResponse<String> response = postLogin(username, TestFixtures.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login?error");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*").GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the login form as the browser would after loading the login page with the current session. */
    private HttpResponse<String> postLogin(String username, String password) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        csrfToken().ifPresent(token -> form.put(token.parameter(), token.value()));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private record CsrfToken(String parameter, String value) {
    }

    /** The token Spring Security embeds in the page for the current session, if it embeds one. */
    private Optional<CsrfToken> csrfToken() throws IOException, InterruptedException {
        String page = get("/login").body();
        Matcher token = CSRF_META.matcher(page);
        if (!token.find()) {
            return Optional.empty();
        }
        Matcher parameter = CSRF_PARAMETER_META.matcher(page);
        return Optional.of(new CsrfToken(parameter.find() ? parameter.group(1) : "_csrf", token.group(1)));
    }

    private Optional<String> sessionId() {
        List<HttpCookie> all = cookies.getCookieStore().get(uri("/"));
        return all.stream().filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst();
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
