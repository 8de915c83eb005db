package fr.preau.mail.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process dies after a change was applied and searchable but before the Lucene
 * commit: the change is lost from the index but not from the backlog, and the next start
 * applies it again.
 */
class CrashSafetyTest {

    @TempDir
    Path directory;

    @Test
    void uncommittedChangesAreReplayedFromTheBacklogAfterACrash() throws Exception {
        Path indexDirectory = directory.resolve("index/mail");
        Process child = new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                CrashingIndexer.class.getName(), indexDirectory.toString(), directory.toString())
                .redirectErrorStream(true)
                .start();
        byte[] output = child.getInputStream().readAllBytes();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String printed = new String(output, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(printed).isEqualTo(CrashingIndexer.EXIT_CODE);
        assertThat(printed).contains("SEARCHABLE [2, 1]");

        FileBacklog backlog = new FileBacklog(directory);
        assertThat(backlog.doneIds()).as("only the committed entry is done").containsExactly(1L);

        try (MailSearchIndex index = MailSearchIndex.open(indexDirectory)) {
            assertThat(found(index)).as("the uncommitted document died with the process").containsExactly(1L);
            try (SearchIndexer indexer = new SearchIndexer(index, backlog, CrashingIndexer.STORE,
                    new SearchIndexer.Settings(10, Duration.ofHours(1), 1_000))) {
                assertThat(indexer.catchUp()).isEqualTo(1);
                assertThat(found(index)).containsExactly(2L, 1L);
            }
            assertThat(backlog.doneIds()).containsExactly(1L, 2L);
        }
        try (MailSearchIndex index = MailSearchIndex.open(indexDirectory)) {
            assertThat(found(index)).containsExactly(2L, 1L);
        }
    }

    private static List<Long> found(MailSearchIndex index) throws IOException {
        return index.search(TestMessage.ACCOUNT, Criteria.text("livraisons"), Sort.NEWEST_FIRST, 0, 10).messageIds();
    }
}
