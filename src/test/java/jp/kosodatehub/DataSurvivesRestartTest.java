package jp.kosodatehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationKind;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.security.SystemAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The default configuration keeps its data in files under the data directory, so a restart loses nothing. */
@ExtendWith(RestoreSecurityContextStrategy.class)
class DataSurvivesRestartTest {

    private static final String TEST_DATABASE = "spring.datasource.url";

    @TempDir
    Path dataDir;

    @Test
    void organisationSavedBeforeARestartIsThereAfterIt() throws Exception {
        // The test suite points every other test at an in-memory database; this one needs the real default.
        String inMemory = System.clearProperty(TEST_DATABASE);
        try {
            try (ConfigurableApplicationContext first = start()) {
                OrganisationService organisations = first.getBean(OrganisationService.class);
                SystemAccess.runAsSystem(() -> organisations.save(
                        new Organisation("再起動テスト子ども会", OrganisationKind.NPO, null)));
            }
            assertThat(Files.list(dataDir).map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("kosodate") && name.endsWith(".mv.db"));
            try (ConfigurableApplicationContext second = start()) {
                OrganisationService organisations = second.getBean(OrganisationService.class);
                assertThat(SystemAccess.runAsSystem(organisations::findAll)).extracting(Organisation::getName)
                        .containsExactly("再起動テスト子ども会");
            }
        } finally {
            if (inMemory != null) {
                System.setProperty(TEST_DATABASE, inMemory);
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(Application.class, "--server.port=0", "--kosodate.data-dir=" + dataDir,
                "--spring.main.banner-mode=off");
    }
}
