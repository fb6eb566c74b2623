package dev.purgedeck.ui.history;

import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryQuery;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ObservableList;

/**
 * Puts new entries into rows already filtered and sorted, where a full filter and sort would have put them: by
 * binary search, and in runs, so the usual batch (newer than everything, newest first) is one insert at the top.
 */
final class SortedInsert {
    private SortedInsert() {
    }

    /**
     * @param rows   sorted by {@code order}
     * @param sorted the new entries that pass the filter, sorted by {@code order} as {@link HistoryQuery#run} sorts
     * @param order  the rows' order; null means newest first
     */
    static void into(ObservableList<HistoryEntry> rows, List<HistoryEntry> sorted, Comparator<HistoryEntry> order) {
        // Newest first puts a new entry before older rows and before rows of the same moment (written later comes
        // first); any other order keeps equal rows in the order they were written, so a new one goes after them.
        boolean newestFirst = order == null || order == HistoryQuery.NEWEST_FIRST;
        insert(rows, sorted, newestFirst ? HistoryQuery.NEWEST_FIRST : order, newestFirst);
    }

    /**
     * Puts entries written before every row (an older part of a history loading newest first), sorted newest first,
     * into rows sorted newest first: after rows of the same moment, as they were written earlier; usually one append.
     */
    static void older(ObservableList<HistoryEntry> rows, List<HistoryEntry> sorted) {
        insert(rows, sorted, HistoryQuery.NEWEST_FIRST, false);
    }

    /** @param tiesFirst whether an entry goes before rows it compares equal to */
    private static void insert(ObservableList<HistoryEntry> rows, List<HistoryEntry> sorted,
                               Comparator<HistoryEntry> cmp, boolean tiesFirst) {
        int from = 0;
        int i = 0;
        while (i < sorted.size()) {
            int at = position(rows, sorted.get(i), from, cmp, tiesFirst);
            int j = i + 1;
            while (j < sorted.size() && (at == rows.size() || before(sorted.get(j), rows.get(at), cmp, tiesFirst))) {
                j++;
            }
            rows.addAll(at, sorted.subList(i, j));
            from = at + (j - i);
            i = j;
        }
    }

    /** The first index at or after {@code from} whose row {@code e} goes before. */
    private static int position(List<HistoryEntry> rows, HistoryEntry e, int from, Comparator<HistoryEntry> cmp,
                                boolean tiesFirst) {
        int lo = from;
        int hi = rows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (before(e, rows.get(mid), cmp, tiesFirst)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static boolean before(HistoryEntry e, HistoryEntry row, Comparator<HistoryEntry> cmp, boolean tiesFirst) {
        int c = cmp.compare(e, row);
        return tiesFirst ? c <= 0 : c < 0;
    }
}
