package org.narrativewatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The SQL databases the store writes to. Each has its own migration folder under
 * {@code db/<name>/} in the jar, because column types differ (SQLite has no DATE or TIMESTAMP);
 * the tables, columns and keys are the same, so the documented queries run on both.
 */
public enum Dialect {
    /** The embedded default: one file, nothing to install, readable by any SQLite client. */
    SQLITE("sqlite", Dialect.SQLITE_URL_PREFIX) {
        @Override
        Properties connectionProperties() {
            Properties p = new Properties();
            // A transaction takes the write lock when it begins, so a second writer waits for it
            // (busy_timeout) instead of failing when its read turns into a write.
            p.setProperty("transaction_mode", "IMMEDIATE");
            return p;
        }

        @Override
        void prepare(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                // WAL lets dashboards read while a run writes; NORMAL is still crash-safe in WAL mode
                // (a killed process loses nothing committed, only a power cut may lose the last commits).
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA busy_timeout=30000");
            }
        }

        @Override
        void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
            if (date == null) {
                ps.setNull(index, Types.VARCHAR);
            } else {
                ps.setString(index, date.toString());
            }
        }

        @Override
        void setTimestamp(PreparedStatement ps, int index, Instant instant) throws SQLException {
            if (instant == null) {
                ps.setNull(index, Types.VARCHAR);
            } else {
                ps.setString(index, instant.toString());
            }
        }
    },
    /** A shared server for a team. */
    POSTGRESQL("postgresql", "jdbc:postgresql:") {
        @Override
        Properties connectionProperties() {
            Properties p = new Properties();
            // Lets the driver send a JDBC batch as multi-row INSERTs: several times fewer round trips.
            p.setProperty("reWriteBatchedInserts", "true");
            p.setProperty("ApplicationName", "narrative-watch");
            return p;
        }

        @Override
        void prepare(Connection c) {
        }

        @Override
        void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
            if (date == null) {
                ps.setNull(index, Types.DATE);
            } else {
                ps.setObject(index, date);
            }
        }

        @Override
        void setTimestamp(PreparedStatement ps, int index, Instant instant) throws SQLException {
            if (instant == null) {
                ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            }
        }
    },
    /**
     * For comparison only (docs/store.md, "Why SQLite"): works when the DuckDB driver is put on the
     * class path, which the build does not ship.
     */
    DUCKDB("duckdb", "jdbc:duckdb:") {
        @Override
        Properties connectionProperties() {
            return new Properties();
        }

        @Override
        void prepare(Connection c) {
        }

        @Override
        void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
            POSTGRESQL.setDate(ps, index, date);
        }

        @Override
        void setTimestamp(PreparedStatement ps, int index, Instant instant) throws SQLException {
            POSTGRESQL.setTimestamp(ps, index, instant);
        }
    };

    static final String SQLITE_URL_PREFIX = "jdbc:sqlite:";

    /** A user-info part, {@code //USER@} or {@code //USER:PASSWORD@}: an {@code @} before the query. */
    private static final Pattern USER_INFO = Pattern.compile("^[^?#]*?//[^?#]*@");

    private final String folder;
    private final String urlPrefix;

    Dialect(String folder, String urlPrefix) {
        this.folder = folder;
        this.urlPrefix = urlPrefix;
    }

    /** The dialect a JDBC URL names, or an explanation of which URLs are supported. */
    public static Dialect of(String jdbcUrl) {
        for (Dialect d : values()) {
            if (jdbcUrl.startsWith(d.urlPrefix)) {
                if (d == POSTGRESQL && USER_INFO.matcher(jdbcUrl).find()) {
                    // pgjdbc cannot parse USER:PASSWORD@HOST (psql's form) and logs the text after
                    // the colon, the password, as a bad port number: refuse it before the driver sees it
                    throw new IllegalArgumentException("PostgreSQL URL " + Store.redact(jdbcUrl)
                            + " names the user before the host; the driver takes user and password as parameters: "
                            + "jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD");
                }
                return d;
            }
        }
        throw new IllegalArgumentException("unsupported database URL " + Store.redact(jdbcUrl)
                + " (use jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DATABASE)");
    }

    /** Classpath folder of this dialect's migrations. */
    String migrationFolder() {
        return "db/" + folder + "/";
    }

    /** Driver settings applied unless the URL sets them itself. */
    abstract Properties connectionProperties();

    /** Session settings run once after connecting. */
    abstract void prepare(Connection c) throws SQLException;

    abstract void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException;

    abstract void setTimestamp(PreparedStatement ps, int index, Instant instant) throws SQLException;
}
