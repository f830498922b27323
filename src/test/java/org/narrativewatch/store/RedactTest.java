package org.narrativewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Messages name a database by its URL, never with its password (docs/store.md). */
class RedactTest {
    @Test
    void aPasswordParameterIsBlanked() {
        assertEquals("jdbc:postgresql://db:5432/nw?user=nw&password=***&ssl=true",
                Store.redact("jdbc:postgresql://db:5432/nw?user=nw&password=s3cret&ssl=true"));
        assertEquals("jdbc:postgresql://db/nw?PASSWORD=***", Store.redact("jdbc:postgresql://db/nw?PASSWORD=s3cret"));
    }

    @Test
    void aUserInfoPasswordIsBlanked() {
        assertEquals("jdbc:postgresql://nw:***@db:5432/nw", Store.redact("jdbc:postgresql://nw:s3cret@db:5432/nw"));
        // unencoded @ and / in the password: blanked whole, not up to its first @ or /
        assertEquals("jdbc:postgresql://nw:***@db/nw?ssl=true", Store.redact("jdbc:postgresql://nw:s3/c@ret@db/nw?ssl=true"));
        assertEquals("jdbc:postgresql://nw:***@db/nw?password=***",
                Store.redact("jdbc:postgresql://nw:s3cret@db/nw?password=other"));
    }

    @Test
    void urlsWithoutAPasswordAreKept() {
        for (String url : new String[] {"jdbc:postgresql://db:5432/nw?user=nw", "jdbc:postgresql://nw@db/nw",
                "jdbc:postgresql://db:5432/nw?user=nw@example.org", "jdbc:sqlite:/tmp/a:b@c.sqlite",
                "jdbc:sqlite:file:///tmp/nw.sqlite"}) {
            assertEquals(url, Store.redact(url));
        }
    }

    @Test
    void aDriverMessageQuotingTheUrlIsBlankedToo() {
        String url = "jdbc:postgresql://127.0.0.1:x/nw?user=nw&password=s3cret";
        assertEquals("Unable to parse URL jdbc:postgresql://127.0.0.1:x/nw?user=nw&password=***",
                Store.redact("Unable to parse URL " + url, url));
    }

    /** pgjdbc cannot parse psql's USER:PASSWORD@HOST and would log the password as a bad port number. */
    @Test
    void aPostgresUrlWithUserInfoIsRefusedBeforeTheDriverSeesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dialect.of("jdbc:postgresql://nw:s3cret@db/nw"));
        assertTrue(e.getMessage().startsWith("PostgreSQL URL jdbc:postgresql://nw:***@db/nw names the user before "
                + "the host"), e.getMessage());
        assertTrue(e.getMessage().endsWith("?user=USER&password=PASSWORD"), e.getMessage());
        assertEquals(Dialect.POSTGRESQL, Dialect.of("jdbc:postgresql://db:5432/nw?user=nw@example.org&password=s3cret"));
    }
}
