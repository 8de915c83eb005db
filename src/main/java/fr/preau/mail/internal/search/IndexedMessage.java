package fr.preau.mail.internal.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the search index knows of one message, filled by the mail store from its row and the
 * parsed MIME message. Nothing of it is stored in the index: only the message id comes back
 * from a search. Null lists, sets and strings are taken as empty; {@code sentDate} may be null
 * (no or unreadable Date header), then the internal date stands for it.
 *
 * @param flags bitmask of the system flags, see {@link #SEEN} ... {@link #DRAFT}; other bits
 *              are ignored
 */
public record IndexedMessage(
        long messageId,
        long accountId,
        long folderId,
        Instant internalDate,
        Instant sentDate,
        long size,
        int flags,
        Set<String> keywords,
        String subject,
        List<Addr> from,
        List<Addr> to,
        List<Addr> cc,
        List<Addr> bcc,
        String bodyText,
        List<String> attachmentNames,
        String attachmentText,
        boolean hasAttachment) {

    public static final int SEEN = 1;
    public static final int ANSWERED = 2;
    public static final int FLAGGED = 4;
    public static final int DELETED = 8;
    public static final int DRAFT = 16;
    /** The bits the index keeps and filters on. */
    public static final int ALL_FLAGS = SEEN | ANSWERED | FLAGGED | DELETED | DRAFT;

    public IndexedMessage {
        Objects.requireNonNull(internalDate, "internalDate");
        keywords = keywords == null ? Set.of() : keywords;
        subject = subject == null ? "" : subject;
        from = from == null ? List.of() : from;
        to = to == null ? List.of() : to;
        cc = cc == null ? List.of() : cc;
        bcc = bcc == null ? List.of() : bcc;
        bodyText = bodyText == null ? "" : bodyText;
        attachmentNames = attachmentNames == null ? List.of() : attachmentNames;
        attachmentText = attachmentText == null ? "" : attachmentText;
    }

    /** The date searches and the date sort use: the Date header, else the arrival. */
    public Instant date() {
        return sentDate != null ? sentDate : internalDate;
    }

    /** The part of the message that cheap updates change, without re-analysing the text. */
    public MessageState state() {
        return new MessageState(folderId, flags, keywords);
    }

    /** One mailbox of an address header: display name (may be empty) and address. */
    public record Addr(String name, String address) {
        public Addr {
            name = name == null ? "" : name;
            address = address == null ? "" : address;
        }

        public static Addr of(String address) {
            return new Addr("", address);
        }
    }
}
