package dev.purgedeck.team;

/**
 * The team history's sortable columns, each with the only SQL that may follow ORDER BY for it: the column name comes
 * from this list, never from the caller, and every order ends with the row ID so equal values page in a fixed order.
 */
public enum TeamSort {
    TIME("purged_at", false),
    WHO("os_user", true),
    PROFILE("profile", true),
    OUTCOME("outcome", false),
    TARGET("target", false),
    SERVICE("coalesce(service_name, service_id)", true);

    private final String expression;
    private final boolean nullable;

    TeamSort(String expression, boolean nullable) {
        this.expression = expression;
        this.nullable = nullable;
    }

    /**
     * "ORDER BY os_user ASC NULLS LAST, id ASC". Empty cells go last either way; a column that is never NULL gets no
     * NULLS clause, which would keep the time index (purged_at DESC, NULLS FIRST by default) from serving it.
     */
    String orderBy(boolean ascending) {
        String dir = ascending ? " ASC" : " DESC";
        return " ORDER BY " + expression + dir + (nullable ? " NULLS LAST" : "") + ", id" + dir;
    }
}
