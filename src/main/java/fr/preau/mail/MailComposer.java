package fr.preau.mail;

import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.mail.internal.compose.AddressInput;
import fr.preau.mail.internal.compose.AttachmentSource;
import fr.preau.mail.internal.compose.ComposeProperties;
import fr.preau.mail.internal.compose.DraftFactory;
import fr.preau.mail.internal.compose.MessageWriter;
import fr.preau.mail.internal.compose.OutgoingMessage;
import fr.preau.mail.internal.compose.RecipientHistory;
import fr.preau.mail.internal.compose.UploadRepository;
import fr.preau.mail.internal.mime.ParsedMessage;
import fr.preau.mail.mime.Attachment;
import fr.preau.mail.mime.MessageStructure;
import fr.preau.mail.mime.MimePart;
import fr.preau.platform.BlobStore;
import fr.preau.platform.Durability;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing mail in the web mail: the draft a reply, a forward or an "edit as new" starts from,
 * saving drafts into Brouillons, and sending through {@link OutgoingMail} (the rules of SMTP
 * submission) with a copy into Envoyés. Every method takes the account it acts for; messages,
 * drafts and uploads of another account are refused as not found.
 *
 * <p>HTML bodies given back ({@link #editAsNew}, {@link #load}) are the stored HTML, not
 * sanitised: the web layer sanitises them before putting them into an editor.
 */
@Service
public class MailComposer {

    private static final Logger log = LoggerFactory.getLogger(MailComposer.class);
    static final String FORWARDED = "$Forwarded";

    private final MailMessages messages;
    private final MailFolders folders;
    private final Accounts accounts;
    private final BlobStore blobs;
    private final UploadRepository uploads;
    private final RecipientHistory history;
    private final DraftFactory drafts;
    private final MessageWriter writer;
    private final ComposeProperties properties;
    private final OutgoingMail outgoing;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Durability durability;

    MailComposer(MailMessages messages, MailFolders folders, Accounts accounts, BlobStore blobs, UploadRepository uploads,
                 RecipientHistory history, DraftFactory drafts, MessageWriter writer, ComposeProperties properties,
                 OutgoingMail outgoing, PlatformTransactionManager transactions, Clock clock, Durability durability) {
        this.messages = messages;
        this.folders = folders;
        this.accounts = accounts;
        this.blobs = blobs;
        this.uploads = uploads;
        this.history = history;
        this.drafts = drafts;
        this.writer = writer;
        this.properties = properties;
        this.outgoing = outgoing;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.durability = durability;
    }

    public static MailComposer of(MailMessages messages, MailFolders folders, Accounts accounts, BlobStore blobs,
                                  UploadRepository uploads, RecipientHistory history, DraftFactory drafts,
                                  MessageWriter writer, ComposeProperties properties, OutgoingMail outgoing,
                                  PlatformTransactionManager transactions, Clock clock, Durability durability) {
        return new MailComposer(messages, folders, accounts, blobs, uploads, history, drafts, writer, properties,
                outgoing, transactions, clock, durability);
    }

    // ---- starting points

    /**
     * A reply: to the Reply-To (else the From; for one's own message, its To), with
     * {@code all} also the other To and Cc without the account's own address; {@code Re:}
     * once; the original quoted under "Le ..., X a écrit :"; In-Reply-To and References.
     */
    public Draft reply(long accountId, long messageId, boolean all, Locale locale) {
        Account account = account(accountId);
        return drafts.reply(messageId, parse(accountId, messageId), account.email(), all, locale);
    }

    /**
     * A forward: {@code Tr:} (or {@code Fwd:}) once; inline, the original's header block and text
     * with its attachments; as an attachment, the whole message as {@code message/rfc822}.
     */
    public Draft forward(long accountId, long messageId, boolean asAttachment, Locale locale) {
        long size = messages.get(accountId, messageId).size();
        return drafts.forward(messageId, parse(accountId, messageId), size, asAttachment, locale);
    }

    /** A new message made of a stored one: its recipients, subject, texts and attachments. */
    public Draft editAsNew(long accountId, long messageId) {
        return drafts.editAsNew(messageId, parse(accountId, messageId), () -> messages.openRaw(accountId, messageId));
    }

    /** A saved draft read back: recipients (Bcc too), subject, texts, attachments as parts of the draft. */
    public Draft load(long accountId, long draftMessageId) {
        return drafts.load(draftMessageId, parse(accountId, draftMessageId),
                () -> messages.openRaw(accountId, draftMessageId));
    }

    // ---- drafts

    /**
     * Saves the draft into Brouillons (\Draft, \Seen), in place of its previous version
     * ({@link Draft#draftMessageId}) in the same transaction; returns the new version's id.
     * Addresses are kept as typed, even malformed; the Bcc header is kept.
     */
    public long saveDraft(long accountId, Draft draft) {
        Account account = account(accountId);
        Folder drafts = folders.byRole(accountId, FolderRole.DRAFTS);
        if (draft.draftMessageId() != null && messages.get(accountId, draft.draftMessageId()).folderId() != drafts.id()) {
            throw new NoSuchMessageException();
        }
        List<AttachmentSource> attachments = attachments(accountId, draft.attachments());
        Instant now = clock.instant();
        OutgoingMessage m = new OutgoingMessage(from(account), lenient(draft.to()), lenient(draft.cc()),
                lenient(draft.bcc()), draft.subject(), draft.text(), draft.html(), draft.priority(), draft.readReceipt(),
                draft.inReplyTo(), draft.references(), now, MessageWriter.newMessageId(domain(account)), attachments,
                true, draft.repliedMessageId(), draft.forwardedMessageId());
        Path file = write(m);
        try {
            AppendResult saved = transaction.execute(status -> {
                AppendResult r;
                try (InputStream in = Files.newInputStream(file)) {
                    r = messages.append(accountId, drafts.id(), in, MessageFlags.of(Flag.DRAFT, Flag.SEEN), now);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (draft.draftMessageId() != null) {
                    messages.deletePermanently(accountId, List.of(draft.draftMessageId()));
                }
                return r;
            });
            return saved.messageId();
        } finally {
            deleteQuietly(file);
        }
    }

    /** Deletes a saved draft (the agent abandons it); the uploads it used go with it. */
    public void discardDraft(long accountId, long draftMessageId, List<Long> uploadIds) {
        Folder drafts = folders.byRole(accountId, FolderRole.DRAFTS);
        if (messages.get(accountId, draftMessageId).folderId() != drafts.id()) {
            throw new NoSuchMessageException();
        }
        messages.deletePermanently(accountId, List.of(draftMessageId));
        uploads.delete(accountId, uploadIds);
    }

    // ---- sending

    /**
     * Checks and sends the message; then stores a copy in Envoyés (\Seen; the Bcc kept there
     * only), marks the answered message \Answered and the forwarded one $Forwarded, deletes the
     * saved draft and the uploads used, and remembers the recipients. Durable when it returns.
     *
     * @throws ComposeException with every reason when the message is not valid, or when the
     *     submission refuses it (an unknown local address, a sending limit): nothing was sent
     *     and the draft stays
     */
    public SentMessage send(long accountId, Draft draft) {
        Account account = account(accountId);
        List<ComposeError> errors = new ArrayList<>();
        AddressInput.Parsed to = checked("to", draft.to(), errors);
        AddressInput.Parsed cc = checked("cc", draft.cc(), errors);
        AddressInput.Parsed bcc = checked("bcc", draft.bcc(), errors);
        Map<String, InternetAddress> recipients = new LinkedHashMap<>();
        for (AddressInput.Parsed p : List.of(to, cc, bcc)) {
            p.valid().forEach(a -> recipients.putIfAbsent(a.getAddress().toLowerCase(Locale.ROOT), a));
        }
        if (recipients.isEmpty() && errors.isEmpty()) {
            errors.add(ComposeError.of("to", "compose.error.no-recipient"));
        }
        if (recipients.size() > properties.maxRecipients()) {
            errors.add(ComposeError.of("to", "compose.error.too-many-recipients", properties.maxRecipients()));
        }
        List<AttachmentSource> attachments;
        try {
            attachments = attachments(accountId, draft.attachments());
        } catch (ComposeException e) {
            errors.addAll(e.errors());
            attachments = List.of();
        }
        if (!errors.isEmpty()) {
            throw new ComposeException(errors);
        }
        Instant now = clock.instant();
        String messageId = MessageWriter.newMessageId(domain(account));
        OutgoingMessage m = new OutgoingMessage(from(account), to.valid(), cc.valid(), bcc.valid(), draft.subject(),
                draft.text(), draft.html(), draft.priority(), draft.readReceipt(), draft.inReplyTo(),
                draft.references(), now, messageId, attachments, false, null, null);
        Path file = write(m);
        try {
            BlobStore.Blob blob;
            try (InputStream in = Files.newInputStream(file)) {
                blob = blobs.write(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store the message", e);
            }
            List<String> envelope = recipients.values().stream().map(InternetAddress::getAddress).toList();
            try {
                outgoing.submit(accountId, account.email(), envelope, blob);
            } catch (SubmissionRefusedException e) {
                throw new ComposeException(List.of(new ComposeError(fieldOf(e.address(), to, cc, bcc), e.key(),
                        List.of(e.args()))));
            }
            Long copy = sentCopy(accountId, file, bcc.valid(), now);
            transaction.executeWithoutResult(status -> {
                if (draft.repliedMessageId() != null) {
                    messages.changeFlags(accountId, List.of(draft.repliedMessageId()), FlagChange.add(Flag.ANSWERED));
                }
                if (draft.forwardedMessageId() != null) {
                    messages.changeFlags(accountId, List.of(draft.forwardedMessageId()),
                            new FlagChange(FlagChange.Mode.ADD, Set.of(), Set.of(FORWARDED)));
                }
                if (draft.draftMessageId() != null && isDraft(accountId, draft.draftMessageId())) {
                    messages.deletePermanently(accountId, List.of(draft.draftMessageId()));
                }
                uploads.delete(accountId, draft.attachments().stream()
                        .filter(a -> a.source() == DraftAttachment.Source.UPLOAD).map(DraftAttachment::uploadId).toList());
                for (InternetAddress a : recipients.values()) {
                    history.record(accountId, new MailAddress(a.getPersonal(), a.getAddress()), now);
                }
            });
            durability.flushCommits();
            return new SentMessage(copy, messageId, recipients.size());
        } finally {
            deleteQuietly(file);
        }
    }

    /** The addresses the account sent to whose address or name has a word starting with {@code prefix}, most recent first. */
    public List<MailAddress> recentRecipients(long accountId, String prefix, int limit) {
        return history.search(accountId, prefix, limit);
    }

    // ---- helpers

    private Long sentCopy(long accountId, Path file, List<InternetAddress> bcc, Instant now) {
        long sent = folders.byRole(accountId, FolderRole.SENT).id();
        byte[] bccHeader = bcc.isEmpty() ? new byte[0]
                : ("Bcc: " + InternetAddress.toString(bcc.toArray(InternetAddress[]::new), 5) + "\r\n")
                        .getBytes(StandardCharsets.UTF_8);
        try (InputStream in = new SequenceInputStream(new ByteArrayInputStream(bccHeader), Files.newInputStream(file))) {
            return messages.append(accountId, sent, in, MessageFlags.of(Flag.SEEN), now).messageId();
        } catch (OverQuotaException e) {
            // sent all the same: the agent learns it from the missing copy, not from a failed send
            log.info("Account {}: sent message not copied into Envoyés, over quota", accountId);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isDraft(long accountId, long messageId) {
        try {
            return messages.get(accountId, messageId).folderId() == folders.byRole(accountId, FolderRole.DRAFTS).id();
        } catch (NoSuchMessageException e) {
            return false;
        }
    }

    private static String fieldOf(String address, AddressInput.Parsed to, AddressInput.Parsed cc, AddressInput.Parsed bcc) {
        if (address == null) {
            return null;
        }
        if (cc.valid().stream().anyMatch(a -> a.getAddress().equalsIgnoreCase(address))
                && to.valid().stream().noneMatch(a -> a.getAddress().equalsIgnoreCase(address))) {
            return "cc";
        }
        if (bcc.valid().stream().anyMatch(a -> a.getAddress().equalsIgnoreCase(address))
                && to.valid().stream().noneMatch(a -> a.getAddress().equalsIgnoreCase(address))) {
            return "bcc";
        }
        return "to";
    }

    private static AddressInput.Parsed checked(String field, List<String> entries, List<ComposeError> errors) {
        AddressInput.Parsed parsed = AddressInput.parse(entries);
        for (String bad : parsed.invalid()) {
            errors.add(ComposeError.of(field, "compose.error.address-invalid", bad));
        }
        return parsed;
    }

    /** For a draft: every address kept, the malformed ones as typed. */
    private static List<InternetAddress> lenient(List<String> entries) {
        AddressInput.Parsed parsed = AddressInput.parse(entries);
        List<InternetAddress> out = new ArrayList<>(parsed.valid());
        for (String bad : parsed.invalid()) {
            InternetAddress a = new InternetAddress();
            a.setAddress(bad.replaceAll("[\\r\\n]", " "));
            out.add(a);
        }
        return out;
    }

    /** The attachments' sources, each checked to be the account's; their total against the size limit. */
    private List<AttachmentSource> attachments(long accountId, List<DraftAttachment> list) {
        List<AttachmentSource> out = new ArrayList<>();
        List<ComposeError> errors = new ArrayList<>();
        long total = 0;
        for (DraftAttachment a : list) {
            try {
                switch (a.source()) {
                    case UPLOAD -> {
                        UploadRepository.Stored u = a.uploadId() == null ? null
                                : uploads.get(accountId, a.uploadId()).orElse(null);
                        if (u == null) {
                            errors.add(ComposeError.of("attachments", "compose.error.attachment-missing", a.filename()));
                            continue;
                        }
                        total += u.upload().size();
                        String hash = u.blobHash();
                        out.add(new AttachmentSource(u.upload().filename(), u.upload().contentType(), () -> blobs.open(hash)));
                    }
                    case PART -> {
                        long id = a.messageId();
                        String path = a.partPath();
                        MessageStructure s = messages.structure(accountId, id);
                        Optional<MimePart> part = path == null ? Optional.empty() : s.body().find(path);
                        if (part.isEmpty()) {
                            errors.add(ComposeError.of("attachments", "compose.error.attachment-missing", a.filename()));
                            continue;
                        }
                        total += s.attachments().stream().filter(x -> x.path().equals(path) && x.tnefIndex() == null)
                                .mapToLong(Attachment::size).findFirst().orElse(part.get().size());
                        out.add(new AttachmentSource(a.filename(), part.get().mediaType(),
                                () -> messages.openDecoded(accountId, id, path, null)));
                    }
                    case MESSAGE -> {
                        long id = a.messageId();
                        total += messages.get(accountId, id).size();
                        out.add(new AttachmentSource(a.filename(), "message/rfc822", () -> messages.openRaw(accountId, id)));
                    }
                }
            } catch (NoSuchMessageException | NullPointerException e) {
                errors.add(ComposeError.of("attachments", "compose.error.attachment-missing", a.filename()));
            }
        }
        if (total > properties.maxMessageBytes()) {
            errors.add(ComposeError.of("attachments", "compose.error.message-too-big",
                    MailUploads.megabytes(properties.maxMessageBytes())));
        }
        if (!errors.isEmpty()) {
            throw new ComposeException(errors);
        }
        return out;
    }

    private Path write(OutgoingMessage m) {
        try {
            Path file = Files.createTempFile("preau-compose-", ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
                long attached = writer.write(m, out);
                if (attached > properties.maxMessageBytes()) {
                    throw ComposeException.of("attachments", "compose.error.message-too-big",
                            MailUploads.megabytes(properties.maxMessageBytes()));
                }
            } catch (RuntimeException | IOException e) {
                deleteQuietly(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the message", e);
        }
    }

    private ParsedMessage parse(long accountId, long messageId) {
        return drafts.parse(messages.openRaw(accountId, messageId));
    }

    private Account account(long accountId) {
        return accounts.byId(accountId).orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
    }

    private static InternetAddress from(Account account) {
        try {
            return new InternetAddress(account.email(), account.displayName(), "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String domain(Account account) {
        String email = account.email();
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
