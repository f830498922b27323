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

/**
 * Brings a database to the schema this build writes. Migrations are the files
 * {@code db/<dialect>/V<n>__<name>.sql} listed in {@link #MIGRATIONS}; each runs once. All pending
 * ones run in one transaction together with their rows in {@code schema_version}, so a failed
 * migration leaves the database as it was, and two processes starting at once do not both migrate.
 */
final class Migrations {
    /** In order; V(i+1) is {@code MIGRATIONS.get(i)}. Add a file per dialect and its name here. */
    static final List<String> MIGRATIONS = List.of("V1__init", "V2__stance");

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

    static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * The statements of a migration file: comment lines dropped, split at semicolons that end a
     * line. Migrations hold only plain DDL, so no statement has a semicolon at a line end inside it.
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
