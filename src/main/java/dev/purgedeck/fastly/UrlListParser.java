package dev.purgedeck.fastly;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Reads a pasted list of URLs, one per line: blank lines skipped, each bad line kept with its reason, duplicates folded. */
public final class UrlListParser {
    private UrlListParser() {
    }

    /**
     * The outcome of reading a list.
     *
     * @param urls       valid URLs, normalised, de-duplicated, in order
     * @param issues     bad lines; {@link ValidationIssue#index()} is the zero-based line number
     * @param duplicates how many valid lines repeated an earlier URL
     */
    public record Result(List<String> urls, List<ValidationIssue> issues, int duplicates) {
        public static final Result EMPTY = new Result(List.of(), List.of(), 0);
    }

    public static Result parse(String text) {
        if (text == null || text.isEmpty()) {
            return Result.EMPTY;
        }
        List<String> lines = TextLines.split(text);
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        List<ValidationIssue> issues = new ArrayList<>();
        int duplicates = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = Validation.trimBlanks(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            String url;
            try {
                url = Validation.normalizeUrl(line); // says what is wrong itself: one pass, not a check and again
            } catch (InvalidInputException e) {
                issues.add(new ValidationIssue(i, line, e.issues().get(0).reason()));
                continue;
            }
            if (!urls.add(url)) {
                duplicates++;
            }
        }
        return new Result(List.copyOf(urls), List.copyOf(issues), duplicates);
    }
}
