package jp.kosodatehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** The proxy or orchestrator may ask whether the app is up; nothing else of the actuator is served to anyone. */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorTest {

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @Autowired
    SecurityContextHolderStrategy securityStrategy;

    @Autowired
    TestFixtures fixtures;

    /**
     * This server's context may have been started by an earlier class while another context (Karibu's) installed
     * its strategy since: SystemAccess.runAs in the fixtures must write where this context's services look.
     */
    @BeforeEach
    void useThisContextsSecurityStrategy() {
        SecurityContextHolder.setContextHolderStrategy(securityStrategy);
    }

    @Test
    void healthIsUpForAnonymousWithoutDetails() throws Exception {
        HttpResponse<String> response = browser().get("/actuator/health", "Accept", JSON);

        assertThat(response.statusCode()).isEqualTo(200);
        // The probe groups' names are listed; no components, no details (database, disk space).
        assertThat(response.body().replace(" ", "")).contains("\"status\":\"UP\"")
                .doesNotContain("components", "details", "db", "diskSpace");
    }

    @Test
    void livenessAndReadinessProbesAreUp() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = browser().get(probe, "Accept", JSON);

            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body().replace(" ", "")).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void healthOfTheDatabaseIsNotShownSeparately() throws Exception {
        HttpResponse<String> response = browser().get("/actuator/health/db", "Accept", JSON);

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.body()).doesNotContain("H2", "database", "validationQuery");
    }

    @Test
    void otherActuatorEndpointsAreNotServedToAnonymous() throws Exception {
        for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/heapdump", "/actuator/loggers"}) {
            HttpResponse<String> response = browser().get(path, "Accept", JSON);

            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("propertySources", "\"beans\"", "_links");
        }
    }

    @Test
    void otherActuatorEndpointsAreNotServedToACoordinatorEither() throws Exception {
        HttpBrowser browser = new HttpBrowser(port, "192.0.2." + (int) (Math.random() * 200 + 1));
        assertThat(browser.login(fixtures.coordinator(), TestFixtures.PASSWORD)).doesNotContain("error");

        for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/beans"}) {
            HttpResponse<String> response = browser.get(path, "Accept", JSON);

            assertThat(response.statusCode()).as(path).isIn(403, 404);
            assertThat(response.body()).as(path).doesNotContain("propertySources", "\"beans\"", "_links");
        }
    }

    private HttpBrowser browser() {
        return new HttpBrowser(port, null);
    }
}
