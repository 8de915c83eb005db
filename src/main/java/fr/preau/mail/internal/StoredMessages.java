package fr.preau.mail.internal;

import fr.preau.mail.AppendResult;
import fr.preau.mail.Flag;
import fr.preau.mail.Folder;
import fr.preau.mail.MessageFlags;
import fr.preau.mail.NoSuchFolderException;
import fr.preau.platform.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The one way a message enters a folder: blob claimed, UID and MODSEQ allocated, thread
 * found, row inserted, counters and search backlog updated, all in the caller's transaction.
 */
@Component
public class StoredMessages {

    private final BlobStore blobs;
    private final MailboxRepository mailboxes;
    private final MessageRepository messages;
    private final ThreadLinker threads;
    private final SearchBacklog backlog;
    private final MessageAnalyzer analyzer;
    private final Clock clock;

    public StoredMessages(BlobStore blobs, MailboxRepository mailboxes, MessageRepository messages, ThreadLinker threads,
                          SearchBacklog backlog, MessageAnalyzer analyzer, Clock clock) {
        this.blobs = blobs;
        this.mailboxes = mailboxes;
        this.messages = messages;
        this.threads = threads;
        this.backlog = backlog;
        this.analyzer = analyzer;
        this.clock = clock;
    }

    /** Writes the bytes as a blob (durably, before any transaction). */
    public BlobStore.Blob write(InputStream raw) {
        try {
            return blobs.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the message", e);
        }
    }

    /** Parses a stored blob. */
    public ParsedForStore parse(BlobStore.Blob blob) {
        try (InputStream in = blobs.open(blob.hash())) {
            return analyzer.analyze(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored message", e);
        }
    }

    /** Inserts the message into a folder; must run in a transaction that has claimed the blob. */
    public AppendResult insert(long accountId, long folderId, BlobStore.Blob blob, ParsedForStore parsed,
                               MessageFlags flags, Instant internalDate) {
        int unseen = flags.has(Flag.SEEN) ? 0 : 1;
        // the conversation first: allocating the UID locks the folder's row until commit
        long threadId = threads.threadFor(accountId, parsed, clock.instant());
        Folder folder = mailboxes.allocate(accountId, folderId, 1, unseen, blob.size());
        long uid = folder.uidNext() - 1;
        Instant arrival = internalDate != null ? internalDate : clock.instant();
        long id = messages.insert(new MessageRepository.NewMessage(accountId, folderId, uid, folder.highestModseq(),
                blob.hash(), blob.size(), arrival, flags.bits(), MessageRepository.keywordsColumn(flags.keywords()),
                threadId, parsed));
        backlog.add(accountId, java.util.List.of(id), SearchBacklog.Op.INDEX);
        return new AppendResult(id, accountId, folderId, uid, folder.uidValidity(), folder.highestModseq());
    }

    /** Checks the folder exists for the account (before writing anything). */
    public Folder folder(long accountId, long folderId) {
        return mailboxes.byId(accountId, folderId).orElseThrow(NoSuchFolderException::new);
    }
}
