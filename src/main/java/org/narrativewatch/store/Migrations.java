package org.narrativewatch.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.narrativewatch.output.Outlets;

/**
 * Brings a database to the schema this build writes. Migrations are the files
 * {@code db/<dialect>/V<n>__<name>.sql} listed in {@link #MIGRATIONS}; each runs once. A migration
 * whose new column SQL cannot compute from the stored rows also has a step in Java
 * ({@link #ROW_UPDATES}), run after its statements. All pending ones run in one transaction together
 * with their rows in {@code schema_version}, so a failed migration leaves the database as it was,
 * and two processes starting at once do not both migrate.
 */
final class Migrations {
    /** In order; V(i+1) is {@code MIGRATIONS.get(i)}. Add a file per dialect and its name here. */
    static final List<String> MIGRATIONS = List.of("V1__init", "V2__stance", "V3__outlet", "V4__last_seen");

    /** Rows read and updated at a time by a step in Java: bounded memory for any number of articles. */
    private static final int ROWS_PER_PAGE = 1000;

    /** The steps in Java of the migrations that have one, by version. */
    private static final Map<Integer, RowUpdate> ROW_UPDATES = Map.of(3, Migrations::fillOutlets);

    /** What a migration does to the stored rows after its statements, in its transaction. */
    @FunctionalInterface
    private interface RowUpdate {
        void apply(Connection c) throws SQLException;
    }

    /** The schema version this build writes. */
    static final int LATEST = MIGRATIONS.size();

    private Migrations() {
    }

    /** Applies every migration newer than the database's version; returns the version reached. */
    static int migrate(Connection c, Dialect dialect) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            }
            c.commit();
            if (dialect == Dialect.POSTGRESQL) {
                try (Statement st = c.createStatement()) {
                    st.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
                }
            }
            int current = currentVersion(c);
            if (current > LATEST) {
                throw new SQLException("the database has schema version " + current
                        + " but this narrative-watch only knows up to " + LATEST + "; use a newer narrative-watch");
            }
            for (int v = current + 1; v <= LATEST; v++) {
                String name = MIGRATIONS.get(v - 1);
                try (Statement st = c.createStatement()) {
                    for (String sql : statements(read(dialect.migrationFolder() + name + ".sql"))) {
                        st.execute(sql);
                    }
                }
                if (ROW_UPDATES.containsKey(v)) {
                    ROW_UPDATES.get(v).apply(c);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, name);
                    ps.setString(3, Instant.now().toString());
                    ps.executeUpdate();
                }
            }
            c.commit();
            return LATEST;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * V3: every stored article gets the outlet the reports count it under ({@link Outlets}), from
     * its source and URL, a page of articles at a time in key order (rows are not changed under a
     * running query, which SQLite leaves undefined).
     */
    private static void fillOutlets(Connection c) throws SQLException {
        String after = "";
        try (PreparedStatement page = c.prepareStatement("SELECT article_id, source, url FROM articles "
                + "WHERE article_id > ? ORDER BY article_id LIMIT " + ROWS_PER_PAGE);
             PreparedStatement update = c.prepareStatement("UPDATE articles SET outlet = ? WHERE article_id = ?")) {
            int rows;
            do {
                rows = 0;
                page.setString(1, after);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getString(1);
                        update.setString(1, Outlets.of(rs.getString(2), rs.getString(3)));
                        update.setString(2, after);
                        update.addBatch();
                        rows++;
                    }
                }
                update.executeBatch();
            } while (rows == ROWS_PER_PAGE);
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * The statements of a migration file: comment lines dropped, split at semicolons that end a
     * line. Migrations hold only plain DDL and simple UPDATEs, so no statement has a semicolon at a
     * line end inside it.
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("migration ends without a semicolon: " + current.toString().strip());
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + resource + " in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
