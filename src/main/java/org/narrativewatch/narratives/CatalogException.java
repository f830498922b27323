package org.narrativewatch.narratives;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/** A catalog that cannot be used; carries every problem found, not just the first. */
public final class CatalogException extends IOException {
    private final List<CatalogProblem> problems;

    public CatalogException(List<CatalogProblem> problems) {
        super("narrative catalog has " + problems.size() + " problem(s):\n"
                + problems.stream().map(CatalogProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }
}
