package jp.kosodatehub.volunteers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.organisations.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The applicants' CSV over real HTTP: an organisation gets its own file only, through the browser's chain. */
@ExtendWith(RestoreSecurityContextStrategy.class)
// A context of its own, like GoalCsvEndpointTest: sharing another HTTP test's cached one, whichever class ran
// second would find the security context strategy restored under the context's feet.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kosodatehub.test.context=applicant-csv-endpoint")
class ApplicantCsvEndpointTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern CSRF_META = Pattern.compile(
            "<meta\\s+name=\"_csrf\"\\s+content=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSRF_PARAMETER_META = Pattern.compile(
            "<meta\\s+name=\"_csrf_parameter\"\\s+content=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    VolunteerFixtures volunteers;

    HttpClient client;
    Organisation ours;
    Organisation theirs;
    Applicant applicant;
    Applicant formula;

    @BeforeEach
    void setUp() {
        client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        ours = fixtures.organisation("csv-ours", false);
        theirs = fixtures.organisation("csv-theirs", false);
        Opening opening = volunteers.publishedOpening(ours, EnumSet.of(SupporterType.ANYONE), null);
        applicant = volunteers.applicant(opening, TestFixtures.unique("佐藤一郎"), "ichiro@example.jp",
                ApplicantStatus.NEW, Instant.now());
        formula = volunteers.applicant(opening, "@SUM(A1:A9)", null, ApplicantStatus.NEW, Instant.now());
    }

    @Test
    void memberDownloadsOwnApplicantsAsCsvWithBom() throws Exception {
        login(fixtures.member(ours));

        HttpResponse<byte[]> response = get("/my/volunteers/export.csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.toLowerCase()).startsWith("text/csv").contains("charset=utf-8"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment").contains("volunteers-"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(Arrays.copyOf(response.body(), 3)).isEqualTo(BOM);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("応募番号").contains(applicant.getName()).contains("ichiro@example.jp");
    }

    @Test
    void spreadsheetFormulasAreDefused() throws Exception {
        login(fixtures.member(ours));

        String body = new String(get("/my/volunteers/export.csv?organisation=" + ours.getId()).body(),
                StandardCharsets.UTF_8);

        assertThat(body).contains("'@SUM(A1:A9)").doesNotContain(",@SUM");
    }

    @Test
    void memberAskingForAnotherOrganisationIsForbidden() throws Exception {
        login(fixtures.member(theirs));

        HttpResponse<byte[]> response = get("/my/volunteers/export.csv?organisation=" + ours.getId());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(applicant.getName());
    }

    @Test
    void coordinatorChoosesAnOrganisationInEnglish() throws Exception {
        login(fixtures.coordinator());

        HttpResponse<byte[]> response = get("/my/volunteers/export.csv?organisation=" + ours.getId() + "&lang=en");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).startsWith("\uFEFFOffer no.,")
                .contains(applicant.getName());
    }

    @Test
    void anonymousVisitorGetsNoFile() throws Exception {
        HttpResponse<byte[]> response = get("/my/volunteers/export.csv?organisation=" + ours.getId());

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(Arrays.copyOf(response.body(), 3)).isNotEqualTo(BOM);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(applicant.getName());
    }

    private void login(String username) throws Exception {
        String page = new String(get("/login").body(), StandardCharsets.UTF_8);
        StringBuilder body = new StringBuilder("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(TestFixtures.PASSWORD, StandardCharsets.UTF_8));
        Matcher token = CSRF_META.matcher(page);
        if (token.find()) {
            Matcher parameter = CSRF_PARAMETER_META.matcher(page);
            body.append('&').append(parameter.find() ? parameter.group(1) : "_csrf").append('=')
                    .append(URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
