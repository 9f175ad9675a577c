package jp.kosodatehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.security.SystemAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The backup the running application takes (nightly, or from the office's page) restores, as docs/operations.md says,
 * into an empty data directory with every record, story photos included.
 */
@ExtendWith(RestoreSecurityContextStrategy.class)
class BackupRestoreTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path restoredDir;

    @Test
    void aBackupUnzippedIntoAnEmptyDataDirectoryHoldsEveryRecordAndPhoto() throws Exception {
        Map<String, Long> before;
        byte[] photo;
        BackupService.BackupFile backup;
        try (ConfigurableApplicationContext app = OpsTestData.startWithDemoData(dataDir)) {
            OpsTestData.storyWithPhoto(app);
            BackupService backups = app.getBean(BackupService.class);
            TestFixtures fixtures = app.getBean(TestFixtures.class);
            String member = fixtures.member(fixtures.organisation("ops-backup", true));
            assertThatThrownBy(() -> fixtures.as(member, () -> backups.backupNow()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(member, () -> backups.backups()))
                    .isInstanceOf(AccessDeniedException.class);

            try (Connection live = app.getBean(DataSource.class).getConnection()) {
                before = OpsTestData.counts(live);
                photo = OpsTestData.photo(live);
            }
            backup = SystemAccess.runAsSystem(backups::backupNow).orElseThrow();
            assertThat(SystemAccess.runAsSystem(backups::backups)).extracting(BackupService.BackupFile::name)
                    .containsExactly(backup.name());
        }
        assertThat(before).containsKeys("organisation", "account", "event", "event_occurrence", "goal_indicator",
                "volunteer_opening", "volunteer_story_photo");
        assertThat(before.get("event_occurrence")).isGreaterThan(before.get("event"));
        assertThat(photo).isNotEmpty();

        unzip(dataDir.resolve("backups").resolve(backup.name()), restoredDir);
        try (Connection restored = DriverManager.getConnection("jdbc:h2:file:" + restoredDir
                + "/kosodate;IFEXISTS=TRUE", "sa", "")) {
            assertThat(OpsTestData.counts(restored)).isEqualTo(before);
            assertThat(OpsTestData.photo(restored)).isEqualTo(photo);
        }
    }

    @Test
    void onlyTheNewestBackupsAreKept() throws Exception {
        try (ConfigurableApplicationContext app = OpsTestData.start(dataDir,
                "--kosodate.backup.keep=2")) {
            BackupService backups = app.getBean(BackupService.class);
            String first = SystemAccess.runAsSystem(backups::backupNow).orElseThrow().name();
            String second = SystemAccess.runAsSystem(backups::backupNow).orElseThrow().name();
            String third = SystemAccess.runAsSystem(backups::backupNow).orElseThrow().name();

            assertThat(SystemAccess.runAsSystem(backups::backups)).extracting(BackupService.BackupFile::name)
                    .containsExactly(third, second);
            try (Stream<Path> files = Files.list(dataDir.resolve("backups"))) {
                assertThat(files.map(path -> path.getFileName().toString())).doesNotContain(first).hasSize(2);
            }
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        }
    }
}
