package dev.purgedeck.cli;

import dev.purgedeck.fastly.Validation;
import java.util.ArrayList;
import java.util.List;

/** Columns aligned with two spaces between them and an upper-case header, the way the Fastly CLI prints tables. */
final class TextTable {
    /** Longer values are cut: the whole value is in the CSV and JSON forms. */
    static final int MAX_CELL = 200;
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... headers) {
        this.columns = headers.length;
        rows.add(headers);
    }

    TextTable add(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = cells[i] == null || cells[i].isEmpty() ? "-" : Validation.printable(cells[i], MAX_CELL);
        }
        rows.add(row);
        return this;
    }

    /** Whether only the header is there. */
    boolean isEmpty() {
        return rows.size() == 1;
    }

    /** The whole table as one string, so a 10,000-row table is one write rather than 10,000 flushes. */
    String render() {
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder(rows.size() * 64);
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                b.append(row[i]);
                if (i < columns - 1) { // the last column is not padded: no trailing spaces
                    b.append(" ".repeat(width[i] - row[i].length() + 2));
                }
            }
            b.append(System.lineSeparator());
        }
        return b.toString();
    }
}
