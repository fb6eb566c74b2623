package dev.purgedeck.history;

/**
 * Keeps CSV cells from being run as formulas when a spreadsheet opens the export (OWASP's advice on CSV injection): a
 * cell that starts with {@code = + - @}, a tab or a carriage return gets a leading single quote, which spreadsheets
 * show as text. Valid surrogate keys such as {@code =HYPERLINK(…)} are exactly what would otherwise run. Reading an
 * export back removes the quote again, so values round-trip exactly; the JSON export never changes a value.
 */
final class SpreadsheetCells {
    private SpreadsheetCells() {
    }

    /** The cell as written to a CSV export. */
    static String neutralise(String value) {
        return value != null && needsQuote(value) ? "'" + value : value;
    }

    /** The value a cell written by {@link #neutralise} stood for. */
    static String restore(String cell) {
        return cell != null && cell.startsWith("'") && needsQuote(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /**
     * A value needs a quote when it starts with a trigger, or with quotes before one: otherwise a value that really
     * starts with a quote could not be told apart from a neutralised one when read back.
     */
    private static boolean needsQuote(String v) {
        int i = 0;
        while (i < v.length() && v.charAt(i) == '\'') {
            i++;
        }
        return i < v.length() && "=+-@\t\r".indexOf(v.charAt(i)) >= 0;
    }
}
