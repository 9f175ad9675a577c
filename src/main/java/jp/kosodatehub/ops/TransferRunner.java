package jp.kosodatehub.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --kosodate.transfer.from=jdbc:h2:file:./data/kosodate} with the {@code postgres} profile: once Flyway
 * has created the schema on PostgreSQL, copies the H2 database's data into it (see {@link DatabaseTransfer}),
 * prints what it copied and stops the application. It runs before every other start-up task, so nothing has
 * written to the new database yet. The H2 database is opened read-only; the application that uses it must be
 * stopped (H2 keeps its file locked).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty("kosodate.transfer.from")
class TransferRunner implements ApplicationRunner {

    private final DataSource dataSource;
    private final ConfigurableApplicationContext context;
    private final String from;
    private final String user;
    private final String password;
    private final boolean exit;

    TransferRunner(DataSource dataSource, ConfigurableApplicationContext context,
                   @Value("${kosodate.transfer.from}") String from,
                   @Value("${kosodate.transfer.from-user:sa}") String user,
                   @Value("${kosodate.transfer.from-password:}") String password,
                   @Value("${kosodate.transfer.exit:true}") boolean exit) {
        this.dataSource = dataSource;
        this.context = context;
        this.from = from;
        this.user = user;
        this.password = password;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        if (!from.startsWith("jdbc:h2:")) {
            throw new IllegalStateException("kosodate.transfer.from must be an H2 URL such as "
                    + "jdbc:h2:file:./data/kosodate, not " + from);
        }
        List<DatabaseTransfer.TableCount> counts;
        try (Connection source = DriverManager.getConnection(readOnly(from), user, password);
             Connection target = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(target.getMetaData().getDatabaseProductName())) {
                throw new IllegalStateException("The transfer writes into PostgreSQL: start it with the postgres "
                        + "profile (SPRING_PROFILES_ACTIVE=postgres) and KOSODATE_DB_URL pointing at the new "
                        + "database.");
            }
            counts = DatabaseTransfer.copy(source, target, target.getSchema());
        }
        long total = 0;
        System.out.println("Copied from " + from + ":");
        for (DatabaseTransfer.TableCount count : counts) {
            System.out.printf("  %-32s %8d%n", count.table(), count.rows());
            total += count.rows();
        }
        System.out.printf("  %-32s %8d%n", "total", total);
        System.out.println("Transfer finished. Start the application with the postgres profile, without "
                + "kosodate.transfer.from.");
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    /** H2 opens the file without writing to it, and refuses with a clear error if the file does not exist. */
    static String readOnly(String url) {
        String withMode = url.contains("ACCESS_MODE_DATA") ? url : url + ";ACCESS_MODE_DATA=r";
        return withMode.contains("IFEXISTS") ? withMode : withMode + ";IFEXISTS=TRUE";
    }
}
