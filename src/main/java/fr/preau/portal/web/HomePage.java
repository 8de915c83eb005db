package fr.preau.portal.web;

import fr.preau.identity.Account;
import fr.preau.mail.Folder;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.QuotaUsage;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Establishment;
import java.util.List;

/**
 * What the home page of either interface shows about the signed-in agent: who they are, their
 * folders with unread counts, the newest messages of their INBOX, how full the mailbox is, and
 * when their password expires if that is soon ({@code passwordExpiresAt}, else null).
 */
public record HomePage(Account account, Academy academy, Department department, Establishment establishment,
                       List<Folder> folders, List<MessageSummary> recent, int inboxMessages, QuotaUsage quota,
                       java.time.Instant passwordExpiresAt) {

    /** How many of the newest INBOX messages the home page lists. */
    public static final int RECENT = 10;

    /** The label of a folder: its translated role, else its own name. */
    public String label(Folder folder, fr.preau.platform.web.PageContext ctx) {
        return folder.role() != null ? ctx.t(folder.role().labelKey()) : folder.leafName();
    }

    /** Whether the agent works for the help desk (or administers the académie): the home links to the console. */
    public boolean supportConsole() {
        return fr.preau.portal.helpdesk.SupportConsole.consoleRole(account.role());
    }

    /** Megabytes, rounded, for the quota line. */
    public long usedMegabytes() {
        return (quota.usedBytes() + 512 * 1024) / (1024 * 1024);
    }
}
