package fr.preau.mail.internal.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/** A backlog in memory, as the store's table would behave: entries stay until done. */
final class MemoryBacklog implements Backlog {

    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    private final List<Long> doneIds = new ArrayList<>();
    private long nextId = 1;

    synchronized long add(long messageId, Op op) {
        long id = nextId++;
        entries.put(id, new Entry(id, messageId, op));
        return id;
    }

    @Override
    public synchronized List<Entry> next(int max) {
        return entries.values().stream().limit(max).toList();
    }

    @Override
    public synchronized void done(Collection<Long> entryIds) {
        entryIds.forEach(entries::remove);
        doneIds.addAll(entryIds);
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized List<Long> doneIds() {
        return List.copyOf(doneIds);
    }
}
