package org.narrativewatch.store;

import java.nio.file.Files;

/** The store contract on the embedded SQLite file. */
class SqliteStoreTest extends StoreContract {
    @Override
    String newStoreUrl() throws Exception {
        return Store.embeddedUrl(Files.createTempDirectory(tmp, "out"));
    }
}
