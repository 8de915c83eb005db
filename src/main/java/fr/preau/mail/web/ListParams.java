package fr.preau.mail.web;

import fr.preau.mail.ListOrder;
import java.util.Locale;

/**
 * How a message list is asked for in a URL: {@code sort} (date, from, subject, size),
 * {@code dir} (asc, desc) and {@code page} (from 1). Anything unknown falls back to the
 * newest first, page 1: a hand-edited URL never breaks the page.
 */
record ListParams(ListOrder.Field field, boolean descending, int page, int pageSize) {

    static final int DEFAULT_PAGE_SIZE = 50;

    static ListParams of(String sort, String dir, Integer page, int pageSize) {
        ListOrder.Field field = ListOrder.Field.DATE;
        if (sort != null) {
            try {
                field = ListOrder.Field.valueOf(sort.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                field = ListOrder.Field.DATE;
            }
        }
        boolean descending = dir == null ? field == ListOrder.Field.DATE || field == ListOrder.Field.SIZE
                : !"asc".equalsIgnoreCase(dir);
        int p = page == null || page < 1 ? 1 : Math.min(page, 1_000_000);
        return new ListParams(field, descending, p, pageSize);
    }

    ListOrder order() {
        return new ListOrder(field, descending);
    }

    int offset() {
        return (page - 1) * pageSize;
    }

    String sort() {
        return field.name().toLowerCase(Locale.ROOT);
    }

    String dir() {
        return descending ? "desc" : "asc";
    }

    /** The query string of this list at another page. */
    String query(int otherPage) {
        return "sort=" + sort() + "&dir=" + dir() + "&page=" + otherPage;
    }

    /** The query string sorting by {@code other}, toggling the direction when it is already the sort. */
    String sortedBy(ListOrder.Field other) {
        boolean desc = other == field ? !descending : other == ListOrder.Field.DATE || other == ListOrder.Field.SIZE;
        return "sort=" + other.name().toLowerCase(Locale.ROOT) + "&dir=" + (desc ? "desc" : "asc") + "&page=1";
    }
}
