package fr.preau.mail;

/**
 * A change in an account's mail, published after its transaction commits, for IMAP IDLE and
 * the web's live updates. It says what changed and where; listeners read the details from the
 * store. {@code folderId} is 0 for changes of the folder list itself.
 */
public record MailChange(long accountId, long folderId, Kind kind, long modseq) {

    public enum Kind { MESSAGES_ADDED, FLAGS_CHANGED, MESSAGES_REMOVED, FOLDERS_CHANGED }

    String encode() {
        return accountId + " " + folderId + " " + kind.name() + " " + modseq;
    }

    static MailChange decode(String text) {
        String[] f = text.split(" ");
        return new MailChange(Long.parseLong(f[0]), Long.parseLong(f[1]), Kind.valueOf(f[2]), Long.parseLong(f[3]));
    }
}
