package fr.preau.mail.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.testsupport.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every vector of the shared XSS corpus ({@code ../shared/corpus/xss}) through the sanitiser,
 * remote content blocked and allowed: the output, parsed as a browser would, has no script,
 * event handler, script URL, frame, object, form, base, meta, link or style, and (when
 * blocked) no remote resource. Vector lists are split as their SOURCES.md says (DOMPurify:
 * blocks between {@code -----} lines; RSnake: one a line; html5sec: one {@code <div id=N>}
 * each, and the whole file); HTML files go whole.
 */
class XssCorpusTest {

    @Test
    void noVectorGetsThrough() throws IOException {
        List<String[]> vectors = vectors();
        assertThat(vectors).hasSizeGreaterThan(300);
        SoftAssertions softly = new SoftAssertions();
        for (String[] vector : vectors) {
            for (boolean remote : new boolean[] {false, true}) {
                String out = HtmlBodySanitizer.sanitize(vector[1], cid -> "/parts/" + cid, remote).html();
                softly.assertThat(SafeHtmlChecks.violations(out, remote)).as(vector[0] + " remote=" + remote + " -> " + out)
                        .isEmpty();
            }
        }
        softly.assertAll();
    }

    private static List<String[]> vectors() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (Path file : Corpus.files("xss")) {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (lower.endsWith(".jsonl") || lower.contains("license") || lower.startsWith("readme")) {
                continue; // the .jsonl holds the payloads of the .txt next to it
            }
            out.add(new String[] {name, text});
            if (lower.endsWith(".vectors.txt")) {
                add(out, name, text.split("\\R-----\\R"));
            } else if (lower.endsWith(".txt")) {
                add(out, name, text.split("\\R"));
                add(out, name, text.split("(?=<div id=\"\\d+\">)"));
            }
        }
        return out;
    }

    private static void add(List<String[]> out, String name, String[] pieces) {
        for (int i = 0; i < pieces.length; i++) {
            if (!pieces[i].isBlank()) {
                out.add(new String[] {name + " #" + (i + 1), pieces[i]});
            }
        }
    }
}
