package fr.preau.mail.internal.search;

import fr.preau.mail.internal.search.Backlog.Op;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Run by {@link CrashSafetyTest} in a separate JVM: indexes message 1 and commits, then
 * indexes message 2 (searchable, not committed) and dies at once, as a killed server would.
 */
final class CrashingIndexer {

    static final int EXIT_CODE = 57;

    /** The store of both processes: every message id has the same deterministic message. */
    static final Documents STORE = id -> Optional.of(
            TestMessage.message(id).subject("livraison numéro " + id).body("message " + id).build());

    public static void main(String[] args) throws Exception {
        Path indexDirectory = Path.of(args[0]);
        FileBacklog backlog = new FileBacklog(Path.of(args[1]));
        MailSearchIndex index = MailSearchIndex.open(indexDirectory);
        SearchIndexer indexer = new SearchIndexer(index, backlog, STORE,
                new SearchIndexer.Settings(10, Duration.ofHours(1), 1_000));

        backlog.add(1, 1, Op.INDEX);
        indexer.catchUp();
        indexer.commit();

        backlog.add(2, 2, Op.INDEX);
        indexer.catchUp();
        Hits hits = index.search(TestMessage.ACCOUNT, Criteria.text("livraison"), Sort.NEWEST_FIRST, 0, 10);
        System.out.println("SEARCHABLE " + hits.messageIds());
        System.out.flush();
        Runtime.getRuntime().halt(EXIT_CODE);
    }

    private CrashingIndexer() {}
}
