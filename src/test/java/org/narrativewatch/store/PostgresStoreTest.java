package org.narrativewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The store contract on a real PostgreSQL server, named by NW_PG_URL (a JDBC URL; .ci/run starts a
 * throwaway cluster and sets it). Each test gets its own schema, dropped afterwards. Skipped when
 * NW_PG_URL is not set, except under CI, where a missing server is a failure.
 */
@EnabledIf("serverGivenOrUnderCi")
class PostgresStoreTest extends StoreContract {
    static final String URL_VARIABLE = "NW_PG_URL";

    private final List<String> schemas = new ArrayList<>();

    static String serverUrl() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? System.getProperty(URL_VARIABLE) : url;
    }

    static boolean serverGivenOrUnderCi() {
        return serverUrl() != null || "true".equals(System.getenv("CI"));
    }

    @BeforeAll
    static void needsServer() {
        if (serverUrl() == null) {
            fail(URL_VARIABLE + " is not set under CI: .ci/run should have started PostgreSQL");
        }
    }

    @Override
    String newStoreUrl() throws SQLException {
        String schema = "nw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(serverUrl()); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        schemas.add(schema);
        String url = serverUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl()); Statement st = c.createStatement()) {
            for (String schema : schemas) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void everyDocumentedQueryGivesTheSameRowsAsOnSqlite() throws Exception {
        try (Store postgres = Store.open(newStoreUrl());
             Store sqlite = Store.open(Store.embeddedUrl(Files.createTempDirectory(tmp, "sqlite")))) {
            List<JsonNode> loaded = withRecordsBefore040();
            load(postgres, loaded);
            load(sqlite, loaded);
            for (String name : DocumentedQueries.names()) {
                String sql = DocumentedQueries.read(name);
                List<List<String>> rows = SqlRows.query(postgres.connection(), sql);
                assertFalse(rows.isEmpty(), name);
                assertEquals(SqlRows.query(sqlite.connection(), sql), rows, name);
            }
            assertEquals(dump(sqlite.connection()).stream().map(List::size).toList(),
                    dump(postgres.connection()).stream().map(List::size).toList());
        }
    }
}
