package org.narrativewatch.store;

import java.util.List;

/**
 * What loading a folder of records did. {@code rejected} records (unreadable JSON, a newer record
 * schema, no id or content hash) were left out; {@code rejections} says why, for the first few.
 * {@code versions} is the JSON object of the versions the records read carry, merged as
 * {@link RecordVersions} says (null when none names any): what a run that did not analyse the
 * records knows of the code, models and catalogs behind them.
 */
public record LoadResult(long inserted, long replaced, long unchanged, long rejected, long rows, double seconds,
                         List<String> rejections, String versions) {
    public LoadResult {
        rejections = List.copyOf(rejections);
    }

    public long articles() {
        return inserted + replaced + unchanged;
    }
}
