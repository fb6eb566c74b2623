package dev.purgedeck.fastly;

import java.util.List;
import java.util.stream.Collectors;

/** Raised before any request is sent when the input to a purge is not valid; names each bad item and why. */
public final class InvalidInputException extends IllegalArgumentException {
    private final transient List<ValidationIssue> issues;

    public InvalidInputException(List<ValidationIssue> issues) {
        super(summary(issues));
        this.issues = List.copyOf(issues);
    }

    public InvalidInputException(String message) {
        super(message);
        this.issues = List.of(new ValidationIssue(-1, "", message));
    }

    public List<ValidationIssue> issues() {
        return issues;
    }

    private static String summary(List<ValidationIssue> issues) {
        String first = issues.stream().limit(5).map(ValidationIssue::describe).collect(Collectors.joining("; "));
        return issues.size() > 5 ? first + "; and " + (issues.size() - 5) + " more" : first;
    }
}
