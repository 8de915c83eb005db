package fr.preau.directory;

import java.util.List;

/** One page of a directory search: the entries from {@code offset}, and how many match in all. */
public record DirectoryPage(List<DirectoryEntry> entries, int total, int offset, int limit) {

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + entries.size() < total;
    }

    /** The first entry's position, counted from 1 (0 when the page is empty). */
    public int first() {
        return entries.isEmpty() ? 0 : offset + 1;
    }

    public int last() {
        return offset + entries.size();
    }
}
