package fr.preau.mail.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A backlog in two files, durable across a killed process like the store's table: entries
 * ({@code entryId messageId OP} a line) and done entry ids (a line each), appended and fsynced.
 */
final class FileBacklog implements Backlog {

    private final Path entries;
    private final Path done;

    FileBacklog(Path directory) {
        this.entries = directory.resolve("entries.txt");
        this.done = directory.resolve("done.txt");
    }

    void add(long entryId, long messageId, Op op) {
        append(entries, entryId + " " + messageId + " " + op + "\n");
    }

    @Override
    public List<Entry> next(int max) {
        Set<Long> finished = new HashSet<>(doneIds());
        return lines(entries).stream()
                .map(line -> line.split(" "))
                .map(f -> new Entry(Long.parseLong(f[0]), Long.parseLong(f[1]), Op.valueOf(f[2])))
                .filter(e -> !finished.contains(e.entryId()))
                .limit(max)
                .toList();
    }

    @Override
    public void done(Collection<Long> entryIds) {
        append(done, entryIds.stream().map(String::valueOf).collect(Collectors.joining("\n", "", "\n")));
    }

    List<Long> doneIds() {
        return lines(done).stream().map(Long::valueOf).toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path file, String text) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
