package org.narrativewatch.store;

import java.util.List;

/**
 * What loading a folder of records did. {@code rejected} records (unreadable JSON, a newer record
 * schema, no id or content hash) were left out; {@code rejections} says why, for the first few.
 */
public record LoadResult(long inserted, long replaced, long unchanged, long rejected, long rows, double seconds,
                         List<String> rejections) {
    public LoadResult {
        rejections = List.copyOf(rejections);
    }

    public long articles() {
        return inserted + replaced + unchanged;
    }
}
