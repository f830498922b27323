package org.narrativewatch.report;

import java.util.List;

/**
 * One aggregate as rows of named columns. The same rows go to report.json (an array of objects),
 * to csv/NAME.csv and to the HTML, so every format says the same thing. Cells are strings,
 * numbers, lists of strings or null.
 */
public record Table(String name, List<String> columns, List<List<Object>> rows) {
    public Table {
        columns = List.copyOf(columns);
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(name + ": row " + row + " does not fit columns " + columns);
            }
        }
    }
}
