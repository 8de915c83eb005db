package fr.preau.mail;

import fr.preau.mail.internal.MessageRepository;
import fr.preau.mail.internal.MessageRow;
import fr.preau.mail.internal.SearchBacklog;
import fr.preau.mail.internal.SearchService;
import fr.preau.mail.internal.search.Criteria;
import fr.preau.mail.internal.search.Hits;
import fr.preau.mail.internal.search.Sort;
import fr.preau.platform.AuditLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full-text search in the mail of one account (docs/adr/0014): the words of the subject, the
 * people, the body and the attachments, with filters on folder, dates, flags, size and
 * keywords. The index gives the ids of one page in order; the summaries come from the store,
 * read for the account only, so a message of another account can never show, and one deleted
 * a moment ago is left out. What the store's methods changed is found when they return.
 *
 * <p>The index runs in the server only: elsewhere ({@code preau admin}) {@link #search} is
 * refused, and {@link #requestReindex} leaves the work to the server.
 */
@Service
public class MailSearch {

    private final MailFolders folders;
    private final MessageRepository messages;
    private final SearchBacklog backlog;
    private final SearchService index;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    MailSearch(MailFolders folders, MessageRepository messages, SearchBacklog backlog, Optional<SearchService> index,
               AuditLog audit, PlatformTransactionManager transactions) {
        this.folders = folders;
        this.messages = messages;
        this.backlog = backlog;
        this.index = index.orElse(null);
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether searches can run in this process (the server, with its index open). */
    public boolean available() {
        return index != null && index.available();
    }

    /**
     * One page of the account's messages matching the query, sorted as asked (ties: newest
     * first, then by id); the total is every match.
     *
     * @throws NoSuchFolderException when the query names a folder the account does not have
     * @throws IllegalStateException when the index does not run in this process
     */
    public MessagePage search(long accountId, SearchQuery query, ListOrder order, int offset, int limit) {
        ListOrder o = order == null ? ListOrder.newestFirst() : order;
        Sort.Key key = switch (o.field()) {
            case DATE -> Sort.Key.DATE;
            case FROM -> Sort.Key.FROM;
            case SUBJECT -> Sort.Key.SUBJECT;
            case SIZE -> Sort.Key.SIZE;
        };
        return run(accountId, query, new Sort(key, o.descending()), offset, limit);
    }

    /** The same, best matches of the text first (then newest first). */
    public MessagePage searchBestFirst(long accountId, SearchQuery query, int offset, int limit) {
        return run(accountId, query, Sort.BEST_FIRST, offset, limit);
    }

    private MessagePage run(long accountId, SearchQuery query, Sort sort, int offset, int limit) {
        if (!available()) {
            throw new IllegalStateException("mail search runs in the server only: the index is not open in this process");
        }
        Criteria criteria = criteria(accountId, query);
        int from = Math.max(0, offset);
        int size = Math.max(1, Math.min(limit, 500));
        Hits hits = index.search(accountId, criteria, sort, from, size);
        Map<Long, MessageSummary> rows = new HashMap<>();
        for (MessageRow row : messages.byIds(accountId, hits.messageIds())) {
            rows.put(row.id(), row.summary());
        }
        List<MessageSummary> page = new ArrayList<>(hits.messageIds().size());
        for (long id : hits.messageIds()) {
            MessageSummary summary = rows.get(id);
            if (summary != null) {
                page.add(summary);
            }
        }
        return new MessagePage(page, hits.total(), from, size);
    }

    private Criteria criteria(long accountId, SearchQuery q) {
        Criteria.Builder c = Criteria.builder()
                .text(q.text()).prefix(q.prefix()).from(q.from()).to(q.to()).subject(q.subject()).body(q.body())
                .attachmentName(q.attachmentName()).since(q.since()).until(q.until())
                .seen(q.seen()).answered(q.answered()).flagged(q.flagged()).deleted(q.deleted()).draft(q.draft())
                .hasAttachment(q.hasAttachment()).minSize(q.minSize()).maxSize(q.maxSize()).keyword(q.keyword());
        if (q.folderId() != null) {
            c.folder(folders.get(accountId, q.folderId()).id());
        }
        return c.build();
    }

    /**
     * Queues every message of the account (or of every account, with null) to be indexed
     * again, audited under {@code actor}; returns how many were queued. The server's indexer
     * applies them in the background, in order with live changes; with no server running, at
     * its next start.
     */
    public int requestReindex(String actor, Long accountId) {
        Integer queued = transaction.execute(status -> {
            int count = backlog.queueAll(accountId);
            audit.record(AuditLog.Entry.of(actor, "SEARCH_REINDEX_REQUESTED").account(accountId)
                    .details((accountId == null ? "scope=all" : "scope=account") + " messages=" + count));
            return count;
        });
        if (index != null) {
            index.wake();
        }
        return queued;
    }
}
