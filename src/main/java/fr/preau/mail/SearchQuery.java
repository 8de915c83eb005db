package fr.preau.mail;

import java.time.LocalDate;

/**
 * What an agent searches for in the mail of one account; every criterion that is set must
 * hold. Null (false for {@code prefix}) means "any".
 *
 * <p>The text criteria take what a person types: words, all required, in any order;
 * {@code "quoted words"} for a phrase; a leading {@code -} excludes a word or a phrase. Case
 * and accents never matter, plurals find singulars (French and English), and nothing typed can
 * make a search fail. {@code text} looks everywhere: subject, senders and recipients, body,
 * names and text of the attachments; {@code to} looks in To, Cc and Bcc. With {@code prefix}
 * the last word of {@code text} (two characters or more) also matches the beginning of a word:
 * the quick search while typing.
 *
 * @param folderId     one folder of the account (checked: another account's folder is
 *                     {@link NoSuchFolderException}), or null for all its folders
 * @param since        first day, included, in Europe/Paris, of the Date header (or the arrival
 *                     when there is none)
 * @param until        last day, included
 * @param minSize      bytes, included
 * @param maxSize      bytes, included
 * @param keyword      an IMAP keyword ({@code $Forwarded}, a label), in any case
 */
public record SearchQuery(
        String text,
        boolean prefix,
        String from,
        String to,
        String subject,
        String body,
        String attachmentName,
        Long folderId,
        LocalDate since,
        LocalDate until,
        Boolean seen,
        Boolean answered,
        Boolean flagged,
        Boolean deleted,
        Boolean draft,
        Boolean hasAttachment,
        Long minSize,
        Long maxSize,
        String keyword) {

    /** Messages with all these words, anywhere in them, in every folder. */
    public static SearchQuery text(String text) {
        return builder().text(text).build();
    }

    /** The quick search while typing: the words, the last one also as the start of a word, in every folder. */
    public static SearchQuery quick(String text) {
        return builder().text(text).prefix(true).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link SearchQuery} one criterion at a time. */
    public static final class Builder {
        private String text;
        private boolean prefix;
        private String from;
        private String to;
        private String subject;
        private String body;
        private String attachmentName;
        private Long folderId;
        private LocalDate since;
        private LocalDate until;
        private Boolean seen;
        private Boolean answered;
        private Boolean flagged;
        private Boolean deleted;
        private Boolean draft;
        private Boolean hasAttachment;
        private Long minSize;
        private Long maxSize;
        private String keyword;

        private Builder() {}

        private Builder(SearchQuery q) {
            text = q.text; prefix = q.prefix; from = q.from; to = q.to; subject = q.subject; body = q.body;
            attachmentName = q.attachmentName; folderId = q.folderId; since = q.since; until = q.until;
            seen = q.seen; answered = q.answered; flagged = q.flagged; deleted = q.deleted; draft = q.draft;
            hasAttachment = q.hasAttachment; minSize = q.minSize; maxSize = q.maxSize; keyword = q.keyword;
        }

        public Builder text(String text) { this.text = text; return this; }
        /** The last word of the text also matches as the beginning of a word (search as you type). */
        public Builder prefix(boolean prefix) { this.prefix = prefix; return this; }
        public Builder from(String from) { this.from = from; return this; }
        public Builder to(String to) { this.to = to; return this; }
        public Builder subject(String subject) { this.subject = subject; return this; }
        public Builder body(String body) { this.body = body; return this; }
        public Builder attachmentName(String attachmentName) { this.attachmentName = attachmentName; return this; }
        /** One folder of the account; null for all. */
        public Builder folder(Long folderId) { this.folderId = folderId; return this; }
        public Builder since(LocalDate since) { this.since = since; return this; }
        public Builder until(LocalDate until) { this.until = until; return this; }
        public Builder on(LocalDate day) { this.since = day; this.until = day; return this; }
        public Builder seen(Boolean seen) { this.seen = seen; return this; }
        public Builder answered(Boolean answered) { this.answered = answered; return this; }
        public Builder flagged(Boolean flagged) { this.flagged = flagged; return this; }
        public Builder deleted(Boolean deleted) { this.deleted = deleted; return this; }
        public Builder draft(Boolean draft) { this.draft = draft; return this; }
        public Builder hasAttachment(Boolean hasAttachment) { this.hasAttachment = hasAttachment; return this; }
        public Builder minSize(Long minSize) { this.minSize = minSize; return this; }
        public Builder maxSize(Long maxSize) { this.maxSize = maxSize; return this; }
        public Builder keyword(String keyword) { this.keyword = keyword; return this; }

        public SearchQuery build() {
            return new SearchQuery(text, prefix, from, to, subject, body, attachmentName, folderId, since, until,
                    seen, answered, flagged, deleted, draft, hasAttachment, minSize, maxSize, keyword);
        }
    }
}
