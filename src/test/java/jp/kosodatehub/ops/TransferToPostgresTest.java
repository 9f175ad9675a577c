package jp.kosodatehub.ops;

import static jp.kosodatehub.TestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.kosodatehub.Application;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.Recurrence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The documented move from H2 to PostgreSQL: the demo data and a story photo in an H2 data directory, copied by
 * starting the application with the postgres profile and {@code --kosodate.transfer.from}, into the schema
 * {@code kosodate_transfer} of the local server. Then the documented pg_dump / pg_restore round trip of that
 * schema. Skipped, with a message, when the server is not reachable.
 */
@ExtendWith(RestoreSecurityContextStrategy.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransferToPostgresTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = "kosodate_transfer";
    private static final String ASIDE = "kosodate_restore";

    @TempDir
    static Path dataDir;

    byte[] photo;
    ConfigurableApplicationContext onPostgres;

    @BeforeAll
    void fillH2AndTransfer() throws Exception {
        try (Connection connection = postgres(null); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("DROP SCHEMA IF EXISTS " + ASIDE + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at 127.0.0.1:5432 (database test) not reachable, transfer not tested: "
                    + e.getMessage());
        }
        try (ConfigurableApplicationContext onH2 = OpsTestData.startWithDemoData(dataDir)) {
            OpsTestData.storyWithPhoto(onH2);
        }
        try (Connection h2 = h2()) {
            photo = OpsTestData.photo(h2);
        }
        assertThat(photo).isNotEmpty();
        onPostgres = SpringApplication.run(Application.class, "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.profiles.active=postgres", "--spring.datasource.url=" + SERVER + "?currentSchema=" + SCHEMA,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--kosodate.transfer.from=" + h2Url(), "--kosodate.transfer.exit=false");
    }

    @AfterAll
    void stop() {
        if (onPostgres != null) {
            onPostgres.close();
        }
    }

    @Test
    @Order(1)
    void everyTableArrivesWithAllItsRowsAndValues() throws Exception {
        try (Connection h2 = h2(); Connection pg = postgres(SCHEMA)) {
            Map<String, Long> source = OpsTestData.counts(h2);
            Map<String, Long> target = OpsTestData.counts(pg);
            source.remove(DatabaseTransfer.FLYWAY_HISTORY);
            target.remove(DatabaseTransfer.FLYWAY_HISTORY);
            assertThat(target).isEqualTo(source);
            assertThat(source.get("event_occurrence")).isGreaterThan(source.get("event"));
            assertThat(source.get("volunteer_applicant")).isPositive();
            assertThat(source.get("goal_indicator_result")).isPositive();

            for (String query : List.of("SELECT name FROM organisation ORDER BY id",
                    "SELECT username || ' ' || role || ' ' || COALESCE(organisation_id, 0) FROM account ORDER BY id",
                    "SELECT title || ' ' || status FROM event ORDER BY id",
                    "SELECT event_id || ' ' || starts_at || CASE WHEN cancelled THEN ' x' ELSE '' END"
                            + " FROM event_occurrence ORDER BY id",
                    "SELECT indicator_id || ' ' || result_value || ' ' || COALESCE(corrects_id, 0)"
                            + " FROM goal_indicator_result ORDER BY id",
                    "SELECT id || ' ' || COALESCE(duplicate_of_id, 0) FROM volunteer_applicant ORDER BY id")) {
                assertThat(OpsTestData.column(pg, query)).as(query).isEqualTo(OpsTestData.column(h2, query));
            }
            assertThat(OpsTestData.photo(pg)).isEqualTo(photo);
        }
    }

    @Test
    @Order(2)
    void newRecordsOnPostgresGetFreshIds() {
        TestFixtures fixtures = onPostgres.getBean(TestFixtures.class);
        EventService events = onPostgres.getBean(EventService.class);
        String member = fixtures.member(fixtures.organisation("after-transfer", true));
        EventDraft series = draft(fixtures.kind("移行後"), "移行後のサロン");
        LocalDate start = LocalDate.now().plusDays(2);
        series.setStartsAt(start.atTime(10, 0));
        series.setEndsAt(start.atTime(11, 0));
        series.setSkipHolidays(false);
        series.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, EnumSet.of(start.getDayOfWeek()), 0, 0,
                start.plusWeeks(3), null));
        Event saved = fixtures.as(member, () -> events.save(series));
        Event submitted = fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));

        assertThat(submitted.getId()).isNotNull();
        assertThat(fixtures.account(member).getId()).isNotNull();
    }

    @Test
    @Order(3)
    void aSecondTransferIntoTheFilledDatabaseIsRefused() throws Exception {
        try (Connection h2 = h2(); Connection pg = postgres(SCHEMA)) {
            long before = OpsTestData.counts(pg).get("organisation");
            // Both sides are checked to be at the same migration first; here they are.
            assertThat(DatabaseTransfer.latestMigration(h2)).isNotNull()
                    .isEqualTo(DatabaseTransfer.latestMigration(pg));
            assertThatThrownBy(() -> DatabaseTransfer.copy(h2, pg, SCHEMA))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not empty");
            assertThat(OpsTestData.counts(pg).get("organisation")).isEqualTo(before);
        }
    }

    @Test
    @Order(4)
    void aPgDumpOfTheSchemaRestoresEveryRecord() throws Exception {
        Assumptions.assumeTrue(java.nio.file.Files.isExecutable(Path.of("/usr/bin/pg_dump"))
                && java.nio.file.Files.isExecutable(Path.of("/usr/bin/pg_restore")),
                "pg_dump / pg_restore not installed: the PostgreSQL backup round trip is not tested");
        String client = run(List.of("/usr/bin/pg_dump", "--version")).replaceAll("\\D*(\\d+).*", "$1").trim();
        String server;
        try (Connection pg = postgres(null)) {
            server = String.valueOf(pg.getMetaData().getDatabaseMajorVersion());
        }
        Assumptions.assumeTrue(client.equals(server), "pg_dump " + client + " does not match the server (" + server
                + "): the PostgreSQL backup round trip is not tested");
        onPostgres.close();
        onPostgres = null;

        Path dump = dataDir.resolve("kosodate.dump");
        run(List.of("/usr/bin/pg_dump", "-Fc", "-h", "127.0.0.1", "-U", "postgres", "-n", SCHEMA, "-f",
                dump.toString(), "test"));
        Map<String, Long> original;
        try (Connection pg = postgres(SCHEMA)) {
            original = OpsTestData.counts(pg);
        }
        // The original moves aside, so the restore lands where nothing exists, as on a new server.
        try (Connection pg = postgres(null); Statement statement = pg.createStatement()) {
            statement.execute("ALTER SCHEMA " + SCHEMA + " RENAME TO " + ASIDE);
        }
        run(List.of("/usr/bin/pg_restore", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "--no-owner",
                dump.toString()));
        try (Connection restored = postgres(SCHEMA)) {
            assertThat(OpsTestData.counts(restored)).isEqualTo(original);
            assertThat(OpsTestData.photo(restored)).isEqualTo(photo);
            // Sequences came along: the next id is past every restored one.
            assertThat(OpsTestData.column(restored, "SELECT nextval('" + SCHEMA + ".event_occurrence_seq') > "
                    + "(SELECT MAX(id) FROM event_occurrence)")).containsExactly("t");
        }
    }

    private static String h2Url() {
        return "jdbc:h2:file:" + dataDir + "/kosodate";
    }

    private static Connection h2() throws SQLException {
        return DriverManager.getConnection(TransferRunner.readOnly(h2Url()), "sa", "");
    }

    private static Connection postgres(String schema) throws SQLException {
        return DriverManager.getConnection(schema == null ? SERVER : SERVER + "?currentSchema=" + schema,
                "postgres", "");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
