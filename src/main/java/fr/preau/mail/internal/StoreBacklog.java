package fr.preau.mail.internal;

import fr.preau.mail.internal.search.Backlog;
import java.util.Collection;
import java.util.List;

/** The search indexer's {@link Backlog}: the store's {@code search_backlog} table ({@link SearchBacklog}). */
final class StoreBacklog implements Backlog {

    private final SearchBacklog table;

    StoreBacklog(SearchBacklog table) {
        this.table = table;
    }

    @Override
    public List<Entry> next(int max) {
        return table.next(max).stream()
                .map(e -> new Entry(e.id(), e.messageId(), Op.valueOf(e.op().name())))
                .toList();
    }

    @Override
    public void done(Collection<Long> entryIds) {
        table.done(entryIds);
    }
}
