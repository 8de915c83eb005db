package fr.preau.platform.internal;

import fr.preau.platform.BlobReferences;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes blobs that no module references and that nobody claimed during the grace period
 * (a day by default, far longer than any write-then-claim takes). Each removal locks the
 * blob's row, checks again, deletes the bytes and then the row, so that a concurrent claim
 * either keeps the blob or finds it gone and fails its own transaction.
 */
@Component
public class BlobCollector {

    private static final Logger log = LoggerFactory.getLogger(BlobCollector.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final FileBlobStore store;
    private final List<BlobReferences> references;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration grace;

    @org.springframework.beans.factory.annotation.Autowired
    BlobCollector(JdbcClient jdbc, FileBlobStore store, List<BlobReferences> references,
                  PlatformTransactionManager transactions, Clock clock) {
        this(jdbc, store, references, new TransactionTemplate(transactions), clock, Duration.ofDays(1));
    }

    public BlobCollector(JdbcClient jdbc, FileBlobStore store, List<BlobReferences> references,
                         TransactionTemplate transaction, Clock clock, Duration grace) {
        this.jdbc = jdbc;
        this.store = store;
        this.references = references;
        this.transaction = transaction;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(cron = "${preau.blobs.collect-cron:0 17 3 * * *}")
    void scheduled() {
        int removed = collect();
        if (removed > 0) {
            log.info("Blob collector removed {} unreferenced blobs", removed);
        }
    }

    /** Removes every collectable blob; returns how many. */
    public int collect() {
        int total = 0;
        while (true) {
            OffsetDateTime before = OffsetDateTime.now(clock).minus(grace);
            List<String> candidates = jdbc.sql("select hash from blob where last_used_at < ?" + unreferenced()
                            + " order by last_used_at limit " + BATCH)
                    .param(before).query(String.class).list();
            int removed = 0;
            for (String hash : candidates) {
                Boolean done = transaction.execute(status -> removeIfCollectable(hash, before));
                if (Boolean.TRUE.equals(done)) {
                    removed++;
                }
            }
            total += removed;
            if (candidates.size() < BATCH || removed == 0) {
                return total;
            }
        }
    }

    private boolean removeIfCollectable(String hash, OffsetDateTime before) {
        List<String> locked = jdbc.sql("select hash from blob where hash = ? and last_used_at < ?" + unreferenced()
                        + " for update")
                .params(hash, before).query(String.class).list();
        if (locked.isEmpty()) {
            return false;
        }
        store.delete(hash);
        jdbc.sql("delete from blob where hash = ?").param(hash).update();
        return true;
    }

    private String unreferenced() {
        return references.stream().map(r -> " and hash not in (" + r.referencingQuery() + ")")
                .collect(Collectors.joining());
    }
}
