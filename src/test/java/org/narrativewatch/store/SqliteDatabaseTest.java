package org.narrativewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Store#sqliteDatabase}: the file a SQLite URL names, under every spelling the driver accepts. */
class SqliteDatabaseTest {
    private static final Path HERE = Path.of("").toAbsolutePath();

    @Test
    void everySpellingOfOneFileGivesThatFile() {
        Path team = HERE.resolve("team.sqlite");
        for (String url : List.of("jdbc:sqlite:team.sqlite", "jdbc:sqlite:./team.sqlite", "jdbc:sqlite:x/../team.sqlite",
                "jdbc:sqlite:" + team, "jdbc:sqlite:team.sqlite?journal_mode=WAL", "jdbc:sqlite:file:team.sqlite",
                "jdbc:sqlite:file:team.sqlite?mode=rwc", "jdbc:sqlite:file:" + team, "jdbc:sqlite:file://" + team,
                "jdbc:sqlite:file://localhost" + team, "jdbc:sqlite:file:%74eam.sqlite#part")) {
            assertEquals(Optional.of(team), Store.sqliteDatabase(url), url);
        }
        assertEquals(Optional.of(HERE.resolve("team data/é.sqlite")),
                Store.sqliteDatabase("jdbc:sqlite:file:team%20data/%C3%A9.sqlite"));
    }

    @Test
    void otherDatabasesAndInMemoryOnesHaveNoFile() {
        for (String url : List.of("jdbc:postgresql://localhost/nw?user=nw", "jdbc:sqlite:", "jdbc:sqlite::memory:",
                "jdbc:sqlite:file::memory:", "jdbc:sqlite:file:shared?mode=memory&cache=shared",
                "jdbc:sqlite:file://elsewhere/team.sqlite")) {
            assertEquals(Optional.empty(), Store.sqliteDatabase(url), url);
        }
        assertEquals(List.of(), Store.sqliteFiles("jdbc:sqlite::memory:"));
        assertEquals(HERE.resolve("team.sqlite-wal"), Store.sqliteFiles("jdbc:sqlite:file:team.sqlite").get(2));
    }
}
