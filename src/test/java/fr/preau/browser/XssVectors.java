package fr.preau.browser;

import fr.preau.testsupport.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The attack vectors of the shared corpus's {@code xss} category: DOMPurify's fixtures (blocks
 * separated by {@code -----}), the PayloadsAllTheThings lists (html5sec.org vectors, one
 * {@code <div id="N">} each; RSnake's cheat sheet, one a line) and MimeKit's HTML files (whole
 * documents, benign or tokenizer edge cases).
 */
final class XssVectors {

    /** One vector and where it comes from ("dompurify#12"). */
    record Vector(String source, String html) {}

    private XssVectors() {}

    static List<Vector> payloads() {
        Path xss = Corpus.category("xss");
        List<Vector> all = new ArrayList<>();
        String dompurify = read(xss.resolve("dompurify/test/fixtures/expect.mjs.vectors.txt"));
        add(all, "dompurify", Arrays.asList(dompurify.split("(?m)^-----\\R")));
        Path intruders = xss.resolve("payloadsallthethings/XSS Injection/Intruders");
        String mario = read(intruders.resolve("MarioXSSVectors.txt"));
        add(all, "mario", Arrays.asList(mario.split("(?=<div id=\"\\d+\">)")));
        add(all, "rsnake", Arrays.asList(read(intruders.resolve("RSNAKE_XSS.txt")).split("\\R")));
        return all;
    }

    /** MimeKit's HTML documents, each to be sent whole as one message's body. */
    static List<Vector> documents() {
        return Corpus.files("xss").stream().filter(p -> p.toString().contains("/mimekit/"))
                .map(p -> new Vector("mimekit/" + p.getFileName(), read(p))).toList();
    }

    private static void add(List<Vector> all, String source, List<String> blocks) {
        int n = 0;
        for (String block : blocks) {
            n++;
            if (!block.isBlank()) {
                all.add(new Vector(source + "#" + n, block.strip()));
            }
        }
    }

    /** A vector on one line, for a header (subject, display name, file name). */
    static String oneLine(String html, int max) {
        String line = html.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > max ? line.substring(0, max) : line;
    }

    private static String read(Path file) {
        try {
            // some files are not valid UTF-8 everywhere: decode leniently, as a mail client would
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
