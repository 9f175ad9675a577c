package jp.kosodatehub.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.kosodatehub.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Backups of the embedded H2 database, taken by the running application (H2 keeps its file locked, so no other
 * process can copy it consistently): H2's {@code BACKUP TO} writes a zip of the database files as of one moment
 * while people keep working. Story photos are stored in the database, so the zip holds them too. On PostgreSQL
 * the database server is backed up with pg_dump instead (see docs/operations.md) and this does nothing.
 */
@Service
public class BackupService {

    static final String PREFIX = "kosodate-";
    static final String SUFFIX = ".zip";
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** One backup file. */
    public record BackupFile(String name, long bytes, Instant createdAt) {
    }

    private final DataSource dataSource;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Path directory;
    private final int keep;

    BackupService(DataSource dataSource, CurrentUser currentUser, Clock clock,
                  @Value("${kosodate.backup.dir:${kosodate.data-dir:./data}/backups}") String directory,
                  @Value("${kosodate.backup.keep:14}") int keep) {
        this.dataSource = dataSource;
        this.currentUser = currentUser;
        this.clock = clock;
        this.directory = Path.of(directory).toAbsolutePath().normalize();
        this.keep = Math.max(1, keep);
    }

    /** Whether this database is backed up by the application (H2) rather than by pg_dump. */
    @Transactional(readOnly = true)
    public boolean supported() {
        requireCoordinator();
        return isH2();
    }

    /** Where backups are written. */
    @Transactional(readOnly = true)
    public Path directory() {
        requireCoordinator();
        return directory;
    }

    /**
     * Takes a backup now and removes the oldest ones beyond the configured number. Office only; empty on
     * PostgreSQL.
     */
    @Transactional
    public Optional<BackupFile> backupNow() {
        requireCoordinator();
        if (!isH2()) {
            log.info("Backup: the database is not the embedded H2 database; back up PostgreSQL with pg_dump");
            return Optional.empty();
        }
        if (inMemory()) {
            throw new IllegalStateException("the database lives in memory only and has no files to back up");
        }
        try {
            Files.createDirectories(directory);
            Path file = uniqueFile();
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            }
            pruneOldest();
            BackupFile backup = describe(file);
            log.info("Backup: wrote {} ({} bytes)", file, backup.bytes());
            return Optional.of(backup);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a backup into " + directory, e);
        } catch (SQLException e) {
            throw new IllegalStateException("The database could not be backed up: " + e.getMessage(), e);
        }
    }

    /** The backups in the backup directory, newest first. Office only. */
    @Transactional(readOnly = true)
    public List<BackupFile> backups() {
        requireCoordinator();
        return files().map(BackupService::describe).toList();
    }

    private Stream<Path> files() {
        if (!Files.isDirectory(directory)) {
            return Stream.empty();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(path -> {
                String name = path.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && Files.isRegularFile(path);
            }).sorted(Comparator.comparing((Path path) -> path.getFileName().toString()).reversed()).toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path uniqueFile() {
        String stamp = LocalDateTime.now(clock).format(STAMP);
        Path file = directory.resolve(PREFIX + stamp + SUFFIX);
        for (int i = 2; Files.exists(file); i++) {
            file = directory.resolve(PREFIX + stamp + "-" + i + SUFFIX);
        }
        return file;
    }

    private void pruneOldest() throws IOException {
        List<Path> all = files().toList();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old);
            log.info("Backup: removed {} (keeping the newest {})", old, keep);
        }
    }

    private static BackupFile describe(Path file) {
        try {
            return new BackupFile(file.getFileName().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isH2() {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean inMemory() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:mem:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireCoordinator() {
        if (!currentUser.require().isCoordinator()) {
            throw new AccessDeniedException("Only the office may do this");
        }
    }
}
