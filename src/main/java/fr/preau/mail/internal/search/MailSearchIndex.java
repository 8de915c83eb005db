package fr.preau.mail.internal.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-text index of every mailbox of the installation: one Lucene index (under
 * {@code <data directory>/index/mail}), each document one message, the account a required
 * filter of every query. Holds the only {@link IndexWriter} of the directory (Lucene's write
 * lock: a second process opening it gets {@link org.apache.lucene.store.LockObtainFailedException})
 * and a {@link SearcherManager} for near-real-time search.
 *
 * <p>Writes are visible to searches after {@link #refresh()} and durable after
 * {@link #commit()}; {@link SearchIndexer} does both for the store's backlog. Every write is
 * idempotent (replace, delete and update by message id), so replaying one is harmless. Thread
 * safe. I/O failures surface as {@link UncheckedIOException}.
 */
public final class MailSearchIndex implements Closeable {

    /** Version of the analysis and the fields; an index made by another one needs a rebuild. */
    static final String ANALYSIS_VERSION = "1";
    private static final String ANALYSIS_KEY = "preau.analysis";
    private static final String GENERATION_KEY = "preau.generation";
    private static final Logger log = LoggerFactory.getLogger(MailSearchIndex.class);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final MessageDocument documents;
    private final QueryFactory queries;
    private final boolean needsRebuild;
    /** Generation stamped on new documents; a re-index raises it and then drops older ones. */
    private final AtomicLong generation;
    /** Held shared while stamping a document, exclusively while raising the generation. */
    private final ReentrantReadWriteLock stamping = new ReentrantReadWriteLock();
    private final ReentrantLock reindexing = new ReentrantLock();

    private MailSearchIndex(Directory directory) throws IOException {
        this.directory = directory;
        Analysis analysis = new Analysis();
        this.documents = new MessageDocument(analysis);
        this.queries = new QueryFactory(analysis);
        Map<String, String> committed = new HashMap<>();
        if (DirectoryReader.indexExists(directory)) {
            committed.putAll(SegmentInfos.readLatestCommit(directory).getUserData());
        }
        this.needsRebuild = !ANALYSIS_VERSION.equals(committed.get(ANALYSIS_KEY));
        this.generation = new AtomicLong(Long.parseLong(committed.getOrDefault(GENERATION_KEY, "1")));
        IndexWriterConfig config = new IndexWriterConfig(analysis.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(32);
        this.writer = new IndexWriter(directory, config);
        try {
            updateCommitData();
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /**
     * Opens (or creates) the index in this directory, taking Lucene's write lock.
     *
     * @throws org.apache.lucene.store.LockObtainFailedException when another process (the
     *         running server) has it open
     */
    public static MailSearchIndex open(Path path) throws IOException {
        Files.createDirectories(path);
        // Small segments flushed for near-real-time refreshes stay in memory until a commit or merge writes them.
        Directory directory = new NRTCachingDirectory(FSDirectory.open(path), 16, 64);
        try {
            return new MailSearchIndex(directory);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * True when the index was just created, or made by an older analysis: every message must
     * then be indexed again (enqueue them all, or {@link #reindexAll}). The next commit marks
     * the index as current.
     */
    public boolean needsRebuild() {
        return needsRebuild;
    }

    /** Adds the message, or replaces its document. */
    public void index(IndexedMessage message) {
        stamping.readLock().lock();
        try {
            writer.updateDocument(MessageDocument.idTerm(message.messageId()), documents.build(message, generation.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            stamping.readLock().unlock();
        }
    }

    /** Removes the message; nothing happens if it is not indexed. */
    public void delete(long messageId) {
        try {
            writer.deleteDocuments(MessageDocument.idTerm(messageId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every message of the account, and commits at once (an account removal is rare and final). */
    public void deleteAccount(long accountId) {
        try {
            writer.deleteDocuments(MessageDocument.accountTerm(accountId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commit();
        refresh();
    }

    /**
     * Sets the system flags and, unless {@code keywords} is null, the keywords of a message, in
     * place (doc values: no re-analysis). Nothing happens if the message is not indexed.
     */
    public void updateFlags(long messageId, int flags, Set<String> keywords) {
        List<Field> fields = new ArrayList<>(2);
        fields.add(new NumericDocValuesField(Fields.FLAGS, flags & IndexedMessage.ALL_FLAGS));
        if (keywords != null) {
            fields.add(new BinaryDocValuesField(Fields.KEYWORDS, Keywords.encode(keywords)));
        }
        updateDocValues(messageId, fields.toArray(Field[]::new));
    }

    /** Moves a message to another folder, in place. Nothing happens if it is not indexed. */
    public void updateFolder(long messageId, long folderId) {
        updateDocValues(messageId, new NumericDocValuesField(Fields.FOLDER, folderId));
    }

    /** Sets folder, flags and keywords at once, in place. */
    public void update(long messageId, MessageState state) {
        updateDocValues(messageId,
                new NumericDocValuesField(Fields.FOLDER, state.folderId()),
                new NumericDocValuesField(Fields.FLAGS, state.flags() & IndexedMessage.ALL_FLAGS),
                new BinaryDocValuesField(Fields.KEYWORDS, Keywords.encode(state.keywords())));
    }

    private void updateDocValues(long messageId, Field... fields) {
        try {
            writer.updateDocValues(MessageDocument.idTerm(messageId), fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One page of the account's messages matching the criteria, in this order.
     *
     * @param criteria null for all messages
     * @param sort     null for {@link Sort#NEWEST_FIRST}
     * @param offset   hits to skip (from 0)
     * @param limit    hits to return at most; 0 only counts
     */
    public Hits search(long accountId, Criteria criteria, Sort sort, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be positive");
        }
        Query query = queries.build(accountId, criteria == null ? Criteria.ALL : criteria);
        Sort order = sort == null ? Sort.NEWEST_FIRST : sort;
        IndexSearcher searcher = acquire();
        try {
            int maxDoc = searcher.getIndexReader().maxDoc();
            int wanted = (int) Math.min((long) offset + limit, maxDoc);
            if (limit == 0 || wanted <= offset) {
                return new Hits(List.of(), searcher.count(query));
            }
            TopFieldDocs top = searcher.search(query,
                    new TopFieldCollectorManager(SortFields.of(order), wanted, null, Integer.MAX_VALUE));
            List<Long> ids = new ArrayList<>(Math.max(0, top.scoreDocs.length - offset));
            for (int i = offset; i < top.scoreDocs.length; i++) {
                ids.add(messageId(top.scoreDocs[i]));
            }
            return new Hits(ids, top.totalHits.value());
        } catch (IndexSearcher.TooManyClauses e) {
            log.warn("Search query over the clause limit, no hits returned");
            return Hits.NONE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private static long messageId(ScoreDoc hit) {
        Object[] values = ((FieldDoc) hit).fields;
        return (Long) values[values.length - 1];
    }

    /** Makes every write so far visible to searches (near-real-time, not durable). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every write so far durable (fsync). */
    public void commit() {
        try {
            updateCommitData();
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rebuilds the documents of one account from the store's messages (each must belong to
     * it): every message is replaced in place, then documents the stream did not renew
     * (messages that no longer exist) are dropped, then all is committed. Searches keep
     * working meanwhile; messages indexed concurrently by {@link #index} are kept. For an
     * index held by this process; see {@link SearchIndexer} for another process.
     *
     * @return how many messages were indexed
     */
    public long reindexAccount(long accountId, Stream<IndexedMessage> messages) {
        return reindex(new TermQuery(MessageDocument.accountTerm(accountId)), account -> account == accountId, messages);
    }

    /** Rebuilds the whole index from every message of the store, as {@link #reindexAccount}. */
    public long reindexAll(Stream<IndexedMessage> messages) {
        return reindex(MatchAllDocsQuery.INSTANCE, account -> true, messages);
    }

    private long reindex(Query scope, LongPredicate belongs, Stream<IndexedMessage> messages) {
        reindexing.lock();
        try {
            long current;
            stamping.writeLock().lock();
            try {
                current = generation.incrementAndGet();
                updateCommitData();
            } finally {
                stamping.writeLock().unlock();
            }
            long[] count = {0};
            messages.forEach(message -> {
                if (!belongs.test(message.accountId())) {
                    throw new IllegalArgumentException("message " + message.messageId() + " is not of this account");
                }
                index(message);
                count[0]++;
            });
            writer.deleteDocuments(new BooleanQuery.Builder()
                    .add(scope, Occur.FILTER)
                    .add(LongPoint.newRangeQuery(Fields.GENERATION, Long.MIN_VALUE, current - 1), Occur.FILTER)
                    .build());
            commit();
            refresh();
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reindexing.unlock();
        }
    }

    /** Documents in the index, deleted ones excepted, as of the last refresh (for checks and figures). */
    public int size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    private void updateCommitData() {
        writer.setLiveCommitData(Map.of(
                ANALYSIS_KEY, ANALYSIS_VERSION,
                GENERATION_KEY, Long.toString(generation.get())).entrySet());
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits what was written, then releases the index and its lock. */
    @Override
    public void close() throws IOException {
        try (directory; writer; searchers) {
            if (writer.isOpen()) {
                commit();
            }
        }
    }
}
