package dev.purgedeck.keysets;

import java.util.List;

/** The key sets read from an import file, and what in it was left out. */
public record ImportResult(List<KeySet> sets, List<ImportProblem> problems) {
    public ImportResult {
        sets = List.copyOf(sets);
        problems = List.copyOf(problems);
    }
}
