package jp.kosodatehub;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The second surefire run ({@code postgres-suite} in pom.xml) repeats the repository and service tests on
 * PostgreSQL. It sets {@code kosodate.test.database=postgres}; only then does this condition do anything: it
 * skips every test with one message when the server is not reachable, and otherwise empties the suite's schema
 * once, before the first Spring context starts, so Flyway migrates from scratch and runs never see each
 * other's data. Registered through JUnit's extension autodetection, which that run alone switches on.
 */
public class PostgresSuiteCondition implements ExecutionCondition {

    public static final String DATABASE_PROPERTY = "kosodate.test.database";
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";
    static final String SCHEMA_PROPERTY = "kosodate.test.schema";

    private static ConditionEvaluationResult result;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"postgres".equals(System.getProperty(DATABASE_PROPERTY))) {
            return ConditionEvaluationResult.enabled("not the PostgreSQL run");
        }
        return prepareOnce();
    }

    private static synchronized ConditionEvaluationResult prepareOnce() {
        if (result == null) {
            String schema = System.getProperty(SCHEMA_PROPERTY, "kosodate_suite");
            String url = System.getProperty("spring.datasource.url", URL).replaceFirst("\\?.*", "");
            try (Connection connection = DriverManager.getConnection(url, USER, "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                statement.execute("CREATE SCHEMA " + schema);
                result = ConditionEvaluationResult.enabled("PostgreSQL reachable, schema " + schema + " emptied");
                System.out.println("[postgres-suite] running on PostgreSQL at " + url + ", schema " + schema
                        + " (emptied first)");
            } catch (SQLException e) {
                String message = "PostgreSQL at " + url + " (user postgres) not reachable: "
                        + "the PostgreSQL run of the repository and service tests is skipped (" + e.getMessage()
                        + ")";
                System.out.println("[postgres-suite] " + message);
                result = ConditionEvaluationResult.disabled(message);
            }
        }
        return result;
    }

    /** Whether this JVM runs the suite on PostgreSQL (tests that need H2 itself check it). */
    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty(DATABASE_PROPERTY));
    }
}
