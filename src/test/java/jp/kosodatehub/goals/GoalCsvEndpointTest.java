package jp.kosodatehub.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The CSV export over real HTTP: only the office gets the file, through the same security chain as a browser. */
@ExtendWith(RestoreSecurityContextStrategy.class)
// A context of its own: sharing LoginHttpTest's cached one, whichever class ran second would find the security
// context strategy restored under the context's feet (see RestoreSecurityContextStrategy).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kosodatehub.test.context=goal-csv-endpoint")
class GoalCsvEndpointTest {

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
    GoalService goals;

    @Autowired
    GoalCsv csv;

    HttpClient client;
    GoalTestData data;
    String coordinator;

    @BeforeEach
    void setUp() {
        client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        coordinator = fixtures.coordinator();
        data = new GoalTestData(goals, fixtures, coordinator);
    }

    @Test
    void coordinatorDownloadsResultsAndStructureAsCsvWithBom() throws Exception {
        login(coordinator);

        HttpResponse<byte[]> results = get("/goals/export.csv?plan=" + data.plan.getId());
        HttpResponse<byte[]> structure = get("/goals/export.csv?part=structure&plan=" + data.plan.getId());

        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.toLowerCase()).startsWith("text/csv").contains("charset=utf-8"));
        assertThat(results.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment").contains("results"));
        assertThat(Arrays.copyOf(results.body(), 3)).isEqualTo(BOM);
        assertThat(new String(results.body(), StandardCharsets.UTF_8)).contains("indicator");
        assertThat(structure.statusCode()).isEqualTo(200);
        assertThat(Arrays.copyOf(structure.body(), 3)).isEqualTo(BOM);
        assertThat(new String(structure.body(), StandardCharsets.UTF_8)).contains(data.pillar.getTitle());
    }

    @Test
    void filesDownloadedOverHttpUploadBackWithoutChange() throws Exception {
        Indicator indicator = fixtures.as(coordinator, () -> goals.saveIndicator(data.count("子ども食堂の数", null)));
        fixtures.as(coordinator, () -> goals.recordResult(new GoalForms.ResultForm(indicator.getId(),
                java.time.LocalDate.of(2025, 3, 31), null, new java.math.BigDecimal("9"), "年次\n報告", "=集計表",
                null)));
        login(coordinator);

        byte[] structure = get("/goals/export.csv?part=structure&plan=" + data.plan.getId()).body();
        byte[] results = get("/goals/export.csv?plan=" + data.plan.getId()).body();
        ImportReport structureReport = fixtures.as(coordinator, () -> csv.importStructure(data.plan.getId(),
                new ByteArrayInputStream(structure)));
        ImportReport resultsReport = fixtures.as(coordinator, () -> csv.importResults(data.plan.getId(),
                new ByteArrayInputStream(results)));

        assertThat(structureReport).isEqualTo(new ImportReport(0, 0, 3));
        assertThat(resultsReport).isEqualTo(new ImportReport(0, 0, 1));
        assertThat(goals.history(indicator.getId())).hasSize(1);
    }

    @Test
    void figuresFileCarriesTheFigureAndJudgementThePagesShow() throws Exception {
        Indicator indicator = fixtures.as(coordinator, () -> goals.saveIndicator(data.count("子ども食堂の数", null)));
        fixtures.as(coordinator, () -> goals.recordResult(new GoalForms.ResultForm(indicator.getId(),
                java.time.LocalDate.of(2025, 3, 31), null, new java.math.BigDecimal("9"), null, null, null)));
        GoalProgress.Progress shown = goals.progress(indicator.getId());
        login(coordinator);

        HttpResponse<byte[]> response = get("/goals/export.csv?part=figures&plan=" + data.plan.getId());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).contains("figures"));
        String[] lines = new String(response.body(), StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", GoalCsv.FIGURES_HEADER));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(data.pillar.getNumber() + ",")
                .contains(",子ども食堂の数,").contains(",9,2025-03-31,")
                .contains("," + shown.percent() + "," + shown.judgement().name() + ","));
    }

    @Test
    void unknownPartIsABadRequestNotAnotherFile() throws Exception {
        login(coordinator);

        assertThat(get("/goals/export.csv?part=everything&plan=" + data.plan.getId()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void coordinatorGetsTheLatestPlanWithoutAPlanParameter() throws Exception {
        login(coordinator);

        HttpResponse<byte[]> response = get("/goals/export.csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Arrays.copyOf(response.body(), 3)).isEqualTo(BOM);
    }

    @Test
    void memberIsForbidden() throws Exception {
        login(fixtures.member(fixtures.organisation("csv", false)));

        assertThat(get("/goals/export.csv?plan=" + data.plan.getId()).statusCode()).isEqualTo(403);
        assertThat(get("/goals/export.csv?part=structure&plan=" + data.plan.getId()).statusCode())
                .isEqualTo(403);
        assertThat(get("/goals/export.csv?part=figures&plan=" + data.plan.getId()).statusCode()).isEqualTo(403);
    }

    @Test
    void anonymousVisitorGetsNoFile() throws Exception {
        HttpResponse<byte[]> response = get("/goals/export.csv?plan=" + data.plan.getId());

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(Arrays.copyOf(response.body(), 3)).isNotEqualTo(BOM);
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
