package fr.preau.mail.internal.search;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * What a search asks for; every criterion that is set must hold (AND). Null means "any".
 *
 * <p>The text criteria ({@code text}, {@code from}, {@code to}, {@code subject}, {@code body},
 * {@code attachmentName}) take what a person types: words, all required, in any order;
 * {@code "quoted words"} for a phrase; a leading {@code -} excludes a word or a phrase. Case
 * and accents never matter, and plurals find singulars (French and English). Nothing typed
 * can make a search fail: operators, stars, colons and unbalanced quotes are plain text.
 * {@code text} looks in the subject, the addresses, the body, and the names and text of the
 * attachments; {@code to} in To, Cc and Bcc. With {@code prefix}, the last word of {@code text}
 * (if it has at least two characters) also matches as the beginning of a word: the quick
 * search while typing.
 *
 * <p>Dates: {@code since} and {@code until} are calendar days in {@link #ZONE}, both included
 * ({@code since = until = d} is "on d"). The date compared is the Date header, or the arrival
 * when the message has none. {@code minSize} and {@code maxSize} are bytes, both included.
 * {@code keyword} matches an IMAP keyword regardless of case. {@code folderIds} null means
 * every folder of the account; an empty set matches nothing.
 */
public record Criteria(
        String text,
        boolean prefix,
        String from,
        String to,
        String subject,
        String body,
        String attachmentName,
        Set<Long> folderIds,
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

    /** The zone in which {@code since} and {@code until} days begin and end. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** Every message of the account. */
    public static final Criteria ALL = builder().build();

    public Criteria {
        folderIds = folderIds == null ? null : Set.copyOf(folderIds);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Free text only: the quick search. */
    public static Criteria text(String text) {
        return builder().text(text).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link Criteria} one criterion at a time. */
    public static final class Builder {
        private String text;
        private boolean prefix;
        private String from;
        private String to;
        private String subject;
        private String body;
        private String attachmentName;
        private Set<Long> folderIds;
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

        private Builder(Criteria c) {
            text = c.text; prefix = c.prefix; from = c.from; to = c.to; subject = c.subject; body = c.body;
            attachmentName = c.attachmentName; folderIds = c.folderIds; since = c.since; until = c.until;
            seen = c.seen; answered = c.answered; flagged = c.flagged; deleted = c.deleted; draft = c.draft;
            hasAttachment = c.hasAttachment; minSize = c.minSize; maxSize = c.maxSize; keyword = c.keyword;
        }

        public Builder text(String text) { this.text = text; return this; }
        /** The last word of the text also matches as a prefix (search as you type). */
        public Builder prefix(boolean prefix) { this.prefix = prefix; return this; }
        public Builder from(String from) { this.from = from; return this; }
        public Builder to(String to) { this.to = to; return this; }
        public Builder subject(String subject) { this.subject = subject; return this; }
        public Builder body(String body) { this.body = body; return this; }
        public Builder attachmentName(String attachmentName) { this.attachmentName = attachmentName; return this; }
        public Builder folderIds(Set<Long> folderIds) { this.folderIds = folderIds; return this; }
        public Builder folder(long folderId) { this.folderIds = Set.of(folderId); return this; }
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

        public Criteria build() {
            return new Criteria(text, prefix, from, to, subject, body, attachmentName, folderIds, since, until,
                    seen, answered, flagged, deleted, draft, hasAttachment, minSize, maxSize, keyword);
        }
    }
}
