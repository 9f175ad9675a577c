package jp.kosodatehub.ops;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Copies every table of the application from one database (the embedded H2 file) into another (PostgreSQL)
 * whose schema Flyway has already created and which holds no data yet. Tables are found through JDBC metadata of
 * the target, so tables added by later migrations are copied without changes here; Flyway's own history table
 * is left alone (the target has its own). Everything happens in one transaction on the target: a failure leaves
 * it empty. Afterwards every identity column and sequence continues after the copied ids.
 */
public final class DatabaseTransfer {

    static final String FLYWAY_HISTORY = "flyway_schema_history";
    private static final int BATCH = 500;

    /** Rows copied into one table. */
    public record TableCount(String table, long rows) {
    }

    private DatabaseTransfer() {
    }

    /**
     * Copies all rows from {@code source} into {@code target}. {@code targetSchema} is the PostgreSQL schema the
     * application uses (its {@code currentSchema}).
     *
     * @throws IllegalStateException when the target is not migrated, is not empty, or misses a table the source
     *     has
     */
    public static List<TableCount> copy(Connection source, Connection target, String targetSchema)
            throws SQLException {
        Map<String, String> sourceTables = tables(source.getMetaData(), null);
        Map<String, String> targetTables = tables(target.getMetaData(), targetSchema);
        if (!targetTables.containsKey(FLYWAY_HISTORY)) {
            throw new IllegalStateException("The target schema " + targetSchema + " has not been migrated: start "
                    + "the application once with the postgres profile (Flyway creates the tables), then transfer.");
        }
        for (String table : sourceTables.keySet()) {
            if (!table.equals(FLYWAY_HISTORY) && !targetTables.containsKey(table)) {
                throw new IllegalStateException("The target has no table " + table + ": run the same application "
                        + "version (the same migrations) on both databases.");
            }
        }
        requireSameMigrations(source, target);
        List<String> order = foreignKeyOrder(target.getMetaData(), targetSchema, targetTables);
        for (String table : order) {
            long rows = count(target, targetTables.get(table));
            if (rows > 0) {
                throw new IllegalStateException("The target is not empty: table " + table + " has " + rows
                        + " rows. Transfer only into a freshly migrated, empty database.");
            }
        }
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try {
            List<TableCount> counts = new ArrayList<>();
            for (String table : order) {
                if (sourceTables.containsKey(table)) {
                    counts.add(new TableCount(table, copyTable(source, sourceTables.get(table), target,
                            targetTables.get(table), selfReferences(target.getMetaData(), targetSchema,
                                    targetTables.get(table)))));
                } else {
                    counts.add(new TableCount(table, 0));
                }
            }
            resetIdentitiesAndSequences(target, targetSchema, targetTables);
            target.commit();
            return counts;
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
    }

    /** Application tables by lower-case name → the name as the database spells it. */
    static Map<String, String> tables(DatabaseMetaData meta, String schema) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        String pattern = schema == null ? defaultSchema(meta) : schema;
        try (ResultSet rs = meta.getTables(meta.getConnection().getCatalog(), pattern, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                tables.put(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return tables;
    }

    private static String defaultSchema(DatabaseMetaData meta) throws SQLException {
        String schema = meta.getConnection().getSchema();
        return schema == null ? "PUBLIC" : schema;
    }

    private static void requireSameMigrations(Connection source, Connection target) throws SQLException {
        String sourceVersion = latestMigration(source);
        String targetVersion = latestMigration(target);
        if (sourceVersion != null && !sourceVersion.equals(targetVersion)) {
            throw new IllegalStateException("The H2 database is at migration " + sourceVersion + " but the target "
                    + "at " + targetVersion + ": start the same application version on both first.");
        }
    }

    static String latestMigration(Connection connection) throws SQLException {
        // Flyway names its table and columns in lower case on both databases.
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT \"version\" FROM " + quote(FLYWAY_HISTORY)
                     + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Tables ordered so that every table comes after the tables its foreign keys point to. */
    static List<String> foreignKeyOrder(DatabaseMetaData meta, String schema, Map<String, String> tables)
            throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : tables.entrySet()) {
            if (table.getKey().equals(FLYWAY_HISTORY)) {
                continue;
            }
            Set<String> references = new TreeSet<>();
            try (ResultSet rs = meta.getImportedKeys(meta.getConnection().getCatalog(), schema, table.getValue())) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table.getKey())) {
                        references.add(parent);
                    }
                }
            }
            parents.put(table.getKey(), references);
        }
        Set<String> ordered = new LinkedHashSet<>();
        while (ordered.size() < parents.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> entry : parents.entrySet()) {
                if (!ordered.contains(entry.getKey()) && ordered.containsAll(entry.getValue())) {
                    ordered.add(entry.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("Foreign keys form a cycle between tables: " + parents);
            }
        }
        return new ArrayList<>(ordered);
    }

    /** Columns of the table that reference the table itself (a correction, a duplicate). */
    private static Set<String> selfReferences(DatabaseMetaData meta, String schema, String table)
            throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (ResultSet rs = meta.getImportedKeys(meta.getConnection().getCatalog(), schema, table)) {
            while (rs.next()) {
                if (rs.getString("PKTABLE_NAME").equalsIgnoreCase(table)) {
                    columns.add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long copyTable(Connection source, String sourceTable, Connection target, String targetTable,
                                  Set<String> selfReferences) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = target.getMetaData().getColumns(target.getCatalog(), target.getSchema(), targetTable,
                "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        Map<String, String> sourceColumns = new TreeMap<>();
        try (ResultSet rs = source.getMetaData().getColumns(source.getCatalog(), source.getSchema(), sourceTable,
                "%")) {
            while (rs.next()) {
                sourceColumns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        rs.getString("COLUMN_NAME"));
            }
        }
        columns.removeIf(column -> !sourceColumns.containsKey(column));
        boolean hasId = columns.contains("id");
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder insert = new StringBuilder("INSERT INTO " + quote(targetTable) + " (");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String separator = i == 0 ? "" : ", ";
            select.append(separator).append(quote(sourceColumns.get(columns.get(i))));
            insert.append(separator).append(quote(columns.get(i)));
            values.append(separator).append('?');
        }
        select.append(" FROM ").append(quote(sourceTable));
        if (hasId) {
            select.append(" ORDER BY ").append(quote(sourceColumns.get("id")));
        }
        insert.append(") VALUES (").append(values).append(')');
        long rows = 0;
        List<Object[]> selfLinks = new ArrayList<>();
        try (Statement read = source.createStatement();
             ResultSet rs = read.executeQuery(select.toString());
             PreparedStatement write = target.prepareStatement(insert.toString())) {
            read.setFetchSize(BATCH);
            int[] types = new int[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                types[i] = rs.getMetaData().getColumnType(i + 1);
            }
            while (rs.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    Object value = read(rs, i + 1, types[i]);
                    if (value != null && selfReferences.contains(columns.get(i))) {
                        // Set once every row exists: a row may point at one inserted after it.
                        selfLinks.add(new Object[]{columns.get(i), value, rs.getObject(sourceColumns.get("id"))});
                        value = null;
                    }
                    write.setObject(i + 1, value);
                }
                write.addBatch();
                if (++rows % BATCH == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
        for (Object[] link : selfLinks) {
            try (PreparedStatement update = target.prepareStatement("UPDATE " + quote(targetTable) + " SET "
                    + quote((String) link[0]) + " = ? WHERE " + quote("id") + " = ?")) {
                update.setObject(1, link[1]);
                update.setObject(2, link[2]);
                update.executeUpdate();
            }
        }
        return rows;
    }

    /** Dates and times as java.time values, so no time zone shifts them between the two drivers. */
    private static Object read(ResultSet rs, int column, int type) throws SQLException {
        return switch (type) {
            case Types.TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(column, OffsetDateTime.class);
            case Types.DATE -> rs.getObject(column, LocalDate.class);
            case Types.TIME -> rs.getObject(column, LocalTime.class);
            default -> rs.getObject(column);
        };
    }

    /** Identity columns and sequences go on after the largest copied value, so new rows do not collide. */
    private static void resetIdentitiesAndSequences(Connection target, String schema, Map<String, String> tables)
            throws SQLException {
        for (String table : tables.values()) {
            if (table.equalsIgnoreCase(FLYWAY_HISTORY)) {
                continue;
            }
            try (ResultSet rs = target.getMetaData().getColumns(target.getCatalog(), schema, table, "%")) {
                List<String> identities = new ArrayList<>();
                while (rs.next()) {
                    if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                        identities.add(rs.getString("COLUMN_NAME"));
                    }
                }
                for (String column : identities) {
                    try (Statement statement = target.createStatement()) {
                        statement.execute("SELECT setval(pg_get_serial_sequence('" + schema + "." + table
                                + "', '" + column + "'), COALESCE((SELECT MAX(" + quote(column) + ") FROM "
                                + quote(table) + "), 0) + 1, false)");
                    }
                }
            }
        }
        // Plain sequences (event_occurrence_seq): Hibernate's pooled optimizer hands out the block of ids that
        // ends at the value it reads, so the next value must lie a whole block above the largest copied id.
        try (Statement statement = target.createStatement();
             ResultSet rs = statement.executeQuery("SELECT sequence_name, increment FROM information_schema.sequences "
                     + "WHERE sequence_schema = '" + schema + "'")) {
            Map<String, Long> sequences = new TreeMap<>();
            while (rs.next()) {
                sequences.put(rs.getString(1), rs.getLong(2));
            }
            for (Map.Entry<String, Long> sequence : sequences.entrySet()) {
                String table = sequence.getKey().replaceFirst("_seq$", "");
                if (tables.containsKey(table) && hasColumn(target, schema, tables.get(table), "id")) {
                    try (Statement set = target.createStatement()) {
                        set.execute("SELECT setval('" + schema + "." + sequence.getKey() + "', COALESCE((SELECT MAX("
                                + quote("id") + ") FROM " + quote(tables.get(table)) + "), 0) + "
                                + (Math.max(1, sequence.getValue()) + 1) + ", false)");
                    }
                }
            }
        }
    }

    private static boolean hasColumn(Connection connection, String schema, String table, String column)
            throws SQLException {
        try (ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(), schema, table, column)) {
            return rs.next();
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
