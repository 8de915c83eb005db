package fr.preau.mail.internal.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real index on a temporary directory, opened before and closed after each test. */
abstract class IndexFixture {

    @TempDir
    Path directory;
    MailSearchIndex index;

    @BeforeEach
    void openIndex() throws IOException {
        index = MailSearchIndex.open(directory.resolve("index/mail"));
    }

    @AfterEach
    void closeIndex() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    void add(TestMessage... messages) {
        Arrays.stream(messages).forEach(m -> index.index(m.build()));
        index.refresh();
    }

    /** Ids found in the test account, newest first. */
    List<Long> find(Criteria criteria) {
        return index.search(TestMessage.ACCOUNT, criteria, Sort.NEWEST_FIRST, 0, 100).messageIds();
    }

    List<Long> text(String text) {
        return find(Criteria.text(text));
    }
}
