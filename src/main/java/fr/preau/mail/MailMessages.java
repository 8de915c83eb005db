package fr.preau.mail;

import fr.preau.mail.internal.IndexTrigger;
import fr.preau.mail.internal.MailboxRepository;
import fr.preau.mail.internal.MessageRepository;
import fr.preau.mail.internal.MessageRow;
import fr.preau.mail.internal.ParsedForStore;
import fr.preau.mail.internal.QuotaPolicy;
import fr.preau.mail.internal.SearchBacklog;
import fr.preau.mail.internal.StoredMessages;
import fr.preau.mail.internal.mime.BodyStructureJson;
import fr.preau.mail.internal.mime.PartExtractor;
import fr.preau.mail.mime.MessageStructure;
import fr.preau.platform.AfterCommit;
import fr.preau.platform.BlobStore;
import fr.preau.platform.Durability;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The messages of an account: list a folder, read a message, append, copy, move, change
 * flags, expunge and delete. Every method takes the account it acts for; messages and folders
 * of other accounts are never read nor changed, and look as if they did not exist.
 *
 * <p>Each change is one transaction: its new UIDs and MODSEQ, counters, search backlog and
 * change event commit together or not at all. The raw bytes of a new message are written
 * (and fsynced) before that transaction, so an append either appears whole or not at all.
 * In the server, when a change returns, {@link MailSearch} already sees it.
 */
@Service
public class MailMessages {

    private final MailFolders folders;
    private final MailboxRepository mailboxes;
    private final MessageRepository messages;
    private final StoredMessages stored;
    private final SearchBacklog backlog;
    private final QuotaPolicy quotas;
    private final MailQuotas quotaWarnings;
    private final MailEvents events;
    private final IndexTrigger index;
    private final BlobStore blobs;
    private final TransactionTemplate transaction;
    private final PartExtractor parts;
    private final Durability durability;

    MailMessages(MailFolders folders, MailboxRepository mailboxes, MessageRepository messages, StoredMessages stored,
                 SearchBacklog backlog, QuotaPolicy quotas, MailQuotas quotaWarnings, MailEvents events,
                 IndexTrigger index, BlobStore blobs, PlatformTransactionManager transactions, PartExtractor parts,
                 Durability durability) {
        this.folders = folders;
        this.mailboxes = mailboxes;
        this.messages = messages;
        this.stored = stored;
        this.backlog = backlog;
        this.quotas = quotas;
        this.quotaWarnings = quotaWarnings;
        this.events = events;
        this.index = index;
        this.blobs = blobs;
        this.transaction = new TransactionTemplate(transactions);
        this.parts = parts;
        this.durability = durability;
    }

    // ---- reading

    /** One page of a folder, sorted as asked; the total is the folder's message count. */
    public MessagePage list(long accountId, long folderId, ListOrder order, int offset, int limit) {
        Folder folder = folders.get(accountId, folderId);
        int from = Math.max(0, offset);
        int size = Math.max(1, Math.min(limit, 500));
        List<MessageSummary> page = messages.page(accountId, folderId, order, from, size).stream()
                .map(MessageRow::summary).toList();
        return new MessagePage(page, folder.messages(), from, size);
    }

    /**
     * The conversation of a message: the account's messages of the same thread in every folder,
     * oldest first (at most 200), the message itself included.
     */
    public List<MessageSummary> conversation(long accountId, long messageId) {
        MessageSummary message = get(accountId, messageId);
        return messages.ofThread(accountId, message.threadId(), 200).stream().map(MessageRow::summary).toList();
    }

    public MessageSummary get(long accountId, long messageId) {
        return row(accountId, messageId).summary();
    }

    public MessageSummary byUid(long accountId, long folderId, long uid) {
        return messages.byUid(accountId, folderId, uid).map(MessageRow::summary).orElseThrow(NoSuchMessageException::new);
    }

    /** The message's raw RFC 5322 bytes, as received. */
    public InputStream openRaw(long accountId, long messageId) {
        MessageRow row = row(accountId, messageId);
        try {
            return blobs.open(row.blobHash());
        } catch (IOException e) {
            throw new UncheckedIOException("the stored message cannot be read", e);
        }
    }

    /** The cached MIME structure of the message, as JSON. */
    public String structureJson(long accountId, long messageId) {
        String json = messages.structure(accountId, messageId);
        if (json == null) {
            throw new NoSuchMessageException();
        }
        return json;
    }

    /** The message's envelope, MIME tree and attachments, from the structure cached at delivery. */
    public MessageStructure structure(long accountId, long messageId) {
        BodyStructureJson.Stored s = BodyStructureJson.read(structureJson(accountId, messageId));
        return new MessageStructure(s.envelope(), s.body(), s.attachments(), s.textParts(), s.htmlParts(),
                s.hasAttachment(), s.truncated());
    }

    /**
     * The bytes of one section exactly as in the message, IMAP-style: {@code HEADER},
     * {@code TEXT}, {@code 1.2}, {@code 1.2.MIME}, {@code 3.HEADER}...; {@link NoSuchMessageException}
     * for a section the message does not have.
     */
    public InputStream openSection(long accountId, long messageId, String section) {
        InputStream raw = openRaw(accountId, messageId);
        try {
            Optional<InputStream> part = parts.raw(raw, section);
            if (part.isEmpty()) {
                raw.close();
                throw new NoSuchMessageException();
            }
            return part.get();
        } catch (IOException e) {
            closeQuietly(raw);
            throw new UncheckedIOException("the stored message cannot be read", e);
        }
    }

    /**
     * The content of one part, transfer encoding undone (base64, quoted-printable): what a
     * download or an inline image gives. A file inside a TNEF part ({@code winmail.dat}) is
     * reached with its attachment's {@code tnefIndex}.
     */
    public InputStream openDecoded(long accountId, long messageId, String path, Integer tnefIndex) {
        InputStream raw = openRaw(accountId, messageId);
        try {
            Optional<InputStream> part = tnefIndex == null ? parts.decoded(raw, path) : parts.tnefFile(raw, path, tnefIndex);
            if (part.isEmpty()) {
                raw.close();
                throw new NoSuchMessageException();
            }
            return part.get();
        } catch (IOException e) {
            closeQuietly(raw);
            throw new UncheckedIOException("the stored message cannot be read", e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // reading failed already
        }
    }

    // ---- changing

    /**
     * Stores a message in a folder (IMAP APPEND, a saved draft, a sent copy). Refused with
     * {@link OverQuotaException} when it does not fit in the account's quota.
     */
    public AppendResult append(long accountId, long folderId, InputStream raw, MessageFlags flags, Instant internalDate) {
        stored.folder(accountId, folderId);
        BlobStore.Blob blob = stored.write(raw);
        ParsedForStore parsed = stored.parse(blob);
        AppendResult result = transaction.execute(status -> {
            QuotaUsage usage = quotas.usage(accountId);
            if (!usage.fits(blob.size())) {
                throw new OverQuotaException(usage);
            }
            blobs.claim(blob);
            AppendResult r = stored.insert(accountId, folderId, blob, parsed, flags, internalDate);
            events.publish(new MailChange(accountId, folderId, MailChange.Kind.MESSAGES_ADDED, r.modseq()));
            return r;
        });
        index.changed();
        quotaWarnings.warnIfNearlyFull(accountId);
        // APPEND OK, a saved draft, a sent copy: acknowledged only once durable
        AfterCommit.run(durability::flushCommits);
        return result;
    }

    /** Copies messages into a folder (IMAP COPY); returns the copies in the order of the originals' UIDs. */
    public List<AppendResult> copy(long accountId, Collection<Long> messageIds, long targetFolderId) {
        List<AppendResult> copies = transaction.execute(status -> {
            Folder target = mailboxes.lock(accountId, targetFolderId).orElseThrow(NoSuchFolderException::new);
            List<MessageRow> rows = sortedByFolderAndUid(messages.byIds(accountId, messageIds));
            if (rows.isEmpty()) {
                return List.<AppendResult>of();
            }
            long bytes = rows.stream().mapToLong(r -> r.summary().size()).sum();
            QuotaUsage usage = quotas.usage(accountId);
            if (!usage.fits(bytes)) {
                throw new OverQuotaException(usage);
            }
            int unseen = (int) rows.stream().filter(r -> !r.summary().flags().seen()).count();
            Folder after = mailboxes.allocate(accountId, target.id(), rows.size(), unseen, bytes);
            long uid = after.uidNext() - rows.size();
            List<AppendResult> out = new ArrayList<>(rows.size());
            List<Long> ids = new ArrayList<>(rows.size());
            for (MessageRow row : rows) {
                blobs.claim(new BlobStore.Blob(row.blobHash(), row.summary().size()));
                long id = messages.copy(accountId, row.id(), target.id(), uid, after.highestModseq());
                out.add(new AppendResult(id, accountId, target.id(), uid, after.uidValidity(), after.highestModseq()));
                ids.add(id);
                uid++;
            }
            backlog.add(accountId, ids, SearchBacklog.Op.INDEX);
            events.publish(new MailChange(accountId, target.id(), MailChange.Kind.MESSAGES_ADDED, after.highestModseq()));
            return out;
        });
        changedIf(!copies.isEmpty());
        quotaWarnings.warnIfNearlyFull(accountId);
        return copies;
    }

    /**
     * Moves messages into a folder (IMAP MOVE): each keeps its id, gets a new UID there and is
     * recorded as expunged from its former folder. Returns the new places in the order of the
     * originals' UIDs.
     */
    public List<AppendResult> move(long accountId, Collection<Long> messageIds, long targetFolderId) {
        List<AppendResult> moved = transaction.execute(status -> {
            List<MessageRow> found = messages.byIds(accountId, messageIds);
            TreeSet<Long> toLock = new TreeSet<>();
            found.forEach(r -> toLock.add(r.summary().folderId()));
            toLock.add(targetFolderId);
            for (long id : toLock) {
                mailboxes.lock(accountId, id).orElseThrow(NoSuchFolderException::new);
            }
            List<MessageRow> rows = sortedByFolderAndUid(messages.byIds(accountId, messageIds));
            if (rows.isEmpty()) {
                return List.<AppendResult>of();
            }
            long bytes = rows.stream().mapToLong(r -> r.summary().size()).sum();
            int unseen = (int) rows.stream().filter(r -> !r.summary().flags().seen()).count();
            Folder after = mailboxes.allocate(accountId, targetFolderId, rows.size(), unseen, bytes);
            long uid = after.uidNext() - rows.size();
            List<AppendResult> out = new ArrayList<>(rows.size());
            for (MessageRow row : rows) {
                messages.moveTo(row.id(), targetFolderId, uid, after.highestModseq());
                out.add(new AppendResult(row.id(), accountId, targetFolderId, uid, after.uidValidity(), after.highestModseq()));
                uid++;
            }
            removedFrom(accountId, byFolder(rows), false);
            backlog.add(accountId, rows.stream().map(MessageRow::id).toList(), SearchBacklog.Op.UPDATE);
            events.publish(new MailChange(accountId, targetFolderId, MailChange.Kind.MESSAGES_ADDED, after.highestModseq()));
            return out;
        });
        changedIf(!moved.isEmpty());
        return moved;
    }

    /** Adds, removes or replaces flags and keywords; returns the messages as changed. */
    public List<MessageSummary> changeFlags(long accountId, Collection<Long> messageIds, FlagChange change) {
        List<MessageSummary> result = transaction.execute(status -> {
            TreeSet<Long> toLock = new TreeSet<>();
            messages.byIds(accountId, messageIds).forEach(r -> toLock.add(r.summary().folderId()));
            for (long id : toLock) {
                mailboxes.lock(accountId, id);
            }
            List<MessageRow> rows = messages.byIds(accountId, messageIds);
            List<MessageSummary> out = new ArrayList<>(rows.size());
            for (Map.Entry<Long, List<MessageRow>> folder : byFolder(rows).entrySet()) {
                List<MessageRow> changed = new ArrayList<>();
                List<MessageFlags> newFlags = new ArrayList<>();
                int unseenDelta = 0;
                for (MessageRow row : folder.getValue()) {
                    MessageFlags before = row.summary().flags();
                    MessageFlags after = change.applyTo(before);
                    if (after.equals(before)) {
                        out.add(row.summary());
                        continue;
                    }
                    unseenDelta += (before.seen() ? 0 : -1) + (after.seen() ? 0 : 1);
                    changed.add(row);
                    newFlags.add(after);
                }
                if (changed.isEmpty()) {
                    continue;
                }
                long modseq = mailboxes.bump(accountId, folder.getKey(), 0, unseenDelta, 0);
                List<long[]> updates = new ArrayList<>();
                List<String> keywords = new ArrayList<>();
                for (int i = 0; i < changed.size(); i++) {
                    updates.add(new long[] {changed.get(i).id(), newFlags.get(i).bits(), modseq});
                    keywords.add(MessageRepository.keywordsColumn(newFlags.get(i).keywords()));
                    MessageSummary s = changed.get(i).summary();
                    out.add(new MessageSummary(s.id(), s.folderId(), s.uid(), modseq, s.threadId(), s.internalDate(),
                            s.sentDate(), s.size(), newFlags.get(i), s.from(), s.to(), s.cc(), s.subject(), s.preview(),
                            s.hasAttachment(), s.priority()));
                }
                messages.setFlags(updates, keywords);
                backlog.add(accountId, changed.stream().map(MessageRow::id).toList(), SearchBacklog.Op.UPDATE);
                events.publish(new MailChange(accountId, folder.getKey(), MailChange.Kind.FLAGS_CHANGED, modseq));
            }
            return out;
        });
        changedIf(!result.isEmpty());
        return result;
    }

    /** Removes for good the messages of a folder that carry \Deleted (IMAP EXPUNGE); returns their UIDs. */
    public List<Long> expunge(long accountId, long folderId) {
        List<Long> uids = transaction.execute(status -> {
            mailboxes.lock(accountId, folderId).orElseThrow(NoSuchFolderException::new);
            List<MessageRow> rows = messages.deletedIn(accountId, folderId);
            if (rows.isEmpty()) {
                return List.<Long>of();
            }
            messages.delete(rows.stream().map(MessageRow::id).toList());
            removedFrom(accountId, byFolder(rows), true);
            return rows.stream().map(r -> r.summary().uid()).toList();
        });
        changedIf(!uids.isEmpty());
        quotaWarnings.warnIfNearlyFull(accountId);
        return uids;
    }

    /** Removes messages for good, wherever they are (emptying the Corbeille, deleting from it). */
    public int deletePermanently(long accountId, Collection<Long> messageIds) {
        int deleted = transaction.execute(status -> {
            TreeSet<Long> toLock = new TreeSet<>();
            messages.byIds(accountId, messageIds).forEach(r -> toLock.add(r.summary().folderId()));
            for (long id : toLock) {
                mailboxes.lock(accountId, id);
            }
            List<MessageRow> rows = messages.byIds(accountId, messageIds);
            if (rows.isEmpty()) {
                return 0;
            }
            messages.delete(rows.stream().map(MessageRow::id).toList());
            removedFrom(accountId, byFolder(rows), true);
            return rows.size();
        });
        changedIf(deleted > 0);
        return deleted;
    }

    // ---- helpers

    /** After a commit that wrote search backlog rows: makes the change searchable before returning. */
    private void changedIf(boolean wroteBacklog) {
        if (wroteBacklog) {
            index.changed();
        }
    }

    private MessageRow row(long accountId, long messageId) {
        return messages.byId(accountId, messageId).orElseThrow(NoSuchMessageException::new);
    }

    /** Counters, expunge history, search backlog and events for messages that left their folders. */
    private void removedFrom(long accountId, Map<Long, List<MessageRow>> byFolder, boolean deleted) {
        for (Map.Entry<Long, List<MessageRow>> e : byFolder.entrySet()) {
            List<MessageRow> rows = e.getValue();
            long bytes = rows.stream().mapToLong(r -> r.summary().size()).sum();
            int unseen = (int) rows.stream().filter(r -> !r.summary().flags().seen()).count();
            long modseq = mailboxes.bump(accountId, e.getKey(), -rows.size(), -unseen, -bytes);
            messages.recordExpunged(e.getKey(), rows.stream().map(r -> r.summary().uid()).toList(), modseq);
            if (deleted) {
                backlog.add(accountId, rows.stream().map(MessageRow::id).toList(), SearchBacklog.Op.DELETE);
            }
            events.publish(new MailChange(accountId, e.getKey(), MailChange.Kind.MESSAGES_REMOVED, modseq));
        }
    }

    private static Map<Long, List<MessageRow>> byFolder(List<MessageRow> rows) {
        Map<Long, List<MessageRow>> out = new TreeMap<>();
        for (MessageRow row : rows) {
            out.computeIfAbsent(row.summary().folderId(), k -> new ArrayList<>()).add(row);
        }
        return out;
    }

    private static List<MessageRow> sortedByFolderAndUid(List<MessageRow> rows) {
        Map<Long, List<MessageRow>> grouped = new LinkedHashMap<>(byFolder(rows));
        List<MessageRow> out = new ArrayList<>(rows.size());
        grouped.values().forEach(list -> list.stream()
                .sorted(java.util.Comparator.comparingLong(r -> r.summary().uid())).forEach(out::add));
        return out;
    }
}
