package fr.preau.mail;

/**
 * A folder (IMAP mailbox) of one account, with its counters as of the read.
 *
 * @param name          full path with {@value #DELIMITER} between levels, e.g. {@code Projets/2026}
 * @param role          the folder's role, or null for a user folder
 * @param uidValidity   IMAP UIDVALIDITY: changes only if the folder is recreated
 * @param uidNext       the UID the next message will get
 * @param highestModseq IMAP HIGHESTMODSEQ (RFC 7162): grows with every change in the folder
 */
public record Folder(long id, long accountId, String name, Long parentId, FolderRole role,
                     long uidValidity, long uidNext, long highestModseq,
                     int messages, int unseen, long size, boolean subscribed) {

    public static final char DELIMITER = '/';

    /** The last level of the path (what a folder tree shows). */
    public String leafName() {
        int slash = name.lastIndexOf(DELIMITER);
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /** 0 for a top-level folder. */
    public int depth() {
        return (int) name.chars().filter(c -> c == DELIMITER).count();
    }
}
