package fr.preau.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The messages of the shared corpus category {@code mime}: every file but test vectors
 * ({@code .json}) and licences, mbox files split into their messages.
 */
public final class CorpusMessages {

    public record Message(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private CorpusMessages() {}

    public static List<Message> all() {
        Path root = Corpus.category("mime");
        List<Message> messages = new ArrayList<>();
        for (Path file : Corpus.files("mime")) {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json") || lower.contains("license") || lower.contains("licence")
                    || lower.startsWith("copying") || lower.startsWith("readme")) {
                continue;
            }
            String relative = root.relativize(file).toString();
            byte[] bytes = read(file);
            if (lower.contains("mbox")) {
                List<byte[]> split = splitMbox(bytes);
                for (int i = 0; i < split.size(); i++) {
                    messages.add(new Message(relative + "#" + (i + 1), split.get(i)));
                }
            } else {
                messages.add(new Message(relative, bytes));
            }
        }
        return messages;
    }

    public static byte[] file(String relative) {
        return read(Corpus.category("mime").resolve(relative));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** mbox: a "From " line starts a message (not every mbox puts a blank line before it); ">From " is unescaped. */
    public static List<byte[]> splitMbox(byte[] bytes) {
        List<byte[]> messages = new ArrayList<>();
        ByteArrayOutputStream current = null;
        int i = 0;
        while (i < bytes.length) {
            int end = i;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int next = Math.min(end + 1, bytes.length);
            boolean from = startsWith(bytes, i, "From ");
            if (from) {
                if (current != null && current.size() > 0) {
                    messages.add(current.toByteArray());
                }
                current = new ByteArrayOutputStream();
            } else {
                if (current == null) {
                    current = new ByteArrayOutputStream();
                }
                int start = startsWith(bytes, i, ">From ") ? i + 1 : i;
                current.write(bytes, start, next - start);
            }
            i = next;
        }
        if (current != null && current.size() > 0) {
            messages.add(current.toByteArray());
        }
        return messages;
    }

    private static boolean startsWith(byte[] bytes, int at, String prefix) {
        if (at + prefix.length() > bytes.length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (bytes[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
