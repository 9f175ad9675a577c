package jp.kosodatehub.ops;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import jp.kosodatehub.Application;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.volunteers.Story;
import jp.kosodatehub.volunteers.StoryDraft;
import jp.kosodatehub.volunteers.StoryService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** A database in files, filled as a real network's would be: the demo data plus a story with a photo. */
final class OpsTestData {

    private OpsTestData() {
    }

    /** The application on an H2 database in {@code dataDir}, with the demo data, started as {@code java -jar}. */
    static ConfigurableApplicationContext startWithDemoData(Path dataDir, String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=demo"));
        args.addAll(List.of(more));
        return start(dataDir, args.toArray(String[]::new));
    }

    /** The application on an H2 database in {@code dataDir}, started as {@code java -jar}. */
    static ConfigurableApplicationContext start(Path dataDir, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--kosodate.data-dir=" + dataDir, "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir + "/kosodate;DB_CLOSE_ON_EXIT=FALSE"));
        args.addAll(List.of(more));
        return SpringApplication.run(Application.class, args.toArray(String[]::new));
    }

    /** Adds a published story with a photo (which the application stores re-encoded). */
    static void storyWithPhoto(ConfigurableApplicationContext context) throws IOException {
        TestFixtures fixtures = context.getBean(TestFixtures.class);
        StoryService stories = context.getBean(StoryService.class);
        String member = fixtures.member(fixtures.organisation("ops-photo", true));
        StoryDraft draft = new StoryDraft();
        draft.setAuthorLabel("ボランティアAさん");
        draft.setText("子どもたちと遊べて楽しかったです");
        draft.setPhotoConsent(true);
        Story written = fixtures.as(member, () -> stories.save(draft));
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, Color.ORANGE.getRGB());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Story withPhoto = fixtures.as(member, () -> stories.setPhoto(written.getId(), written.getVersion(),
                png.toByteArray()));
        fixtures.as(member, () -> stories.submit(withPhoto.getId(), withPhoto.getVersion()));
    }

    /** Rows of every table of the connection's schema (lower-case names), Flyway's history included. */
    static Map<String, Long> counts(Connection connection) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                rs.next();
                counts.put(table.toLowerCase(Locale.ROOT), rs.getLong(1));
            }
        }
        return counts;
    }

    /** The first column of every row, as text, in the order the query gives. */
    static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static byte[] photo(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT data FROM volunteer_story_photo ORDER BY story_id DESC")) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }
}
