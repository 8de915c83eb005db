package fr.preau.mail;

import java.util.Optional;

/**
 * The folders every account has, with the stable name they keep underneath (IMAP clients see
 * it; the interfaces show a translated label, {@code mail.folder.<role>}) and their
 * SPECIAL-USE attribute (RFC 6154). A role folder can be neither renamed nor deleted; folder
 * lists show them first, in this order.
 */
public enum FolderRole {
    INBOX("INBOX", null),
    DRAFTS("Drafts", "\\Drafts"),
    SENT("Sent", "\\Sent"),
    ARCHIVE("Archive", "\\Archive"),
    JUNK("Junk", "\\Junk"),
    TRASH("Trash", "\\Trash");

    private final String defaultName;
    private final String specialUse;

    FolderRole(String defaultName, String specialUse) {
        this.defaultName = defaultName;
        this.specialUse = specialUse;
    }

    /** The folder's name in the store and over IMAP. */
    public String defaultName() {
        return defaultName;
    }

    /** The RFC 6154 attribute, e.g. {@code \Sent}; empty for INBOX, which IMAP names itself. */
    public Optional<String> specialUse() {
        return Optional.ofNullable(specialUse);
    }

    /** The message-bundle key of the folder's label. */
    public String labelKey() {
        return "mail.folder." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
