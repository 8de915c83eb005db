package fr.preau.mail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.preau.mail.internal.FolderNames;
import fr.preau.mail.internal.IndexTrigger;
import fr.preau.mail.internal.MailboxRepository;
import fr.preau.mail.internal.SearchBacklog;
import fr.preau.platform.UserError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The folders of an account: the six role folders (created on first use, with their stable
 * names) and the agent's own, in a hierarchy. Every method takes the account it acts for; a
 * folder of another account is reported as not found.
 */
@Service
public class MailFolders {

    private final MailboxRepository mailboxes;
    private final SearchBacklog backlog;
    private final MailEvents events;
    private final IndexTrigger index;
    private final TransactionTemplate transaction;
    /** Accounts whose role folders are known to exist. */
    private final Cache<Long, Boolean> complete = Caffeine.newBuilder().maximumSize(100_000).build();

    MailFolders(MailboxRepository mailboxes, SearchBacklog backlog, MailEvents events, IndexTrigger index,
                PlatformTransactionManager transactions) {
        this.mailboxes = mailboxes;
        this.backlog = backlog;
        this.events = events;
        this.index = index;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The account's folders in tree order: role folders first (INBOX, Drafts, Sent, ...), then the others by name. */
    public List<Folder> list(long accountId) {
        ensureDefaults(accountId);
        return treeOrder(mailboxes.ofAccount(accountId));
    }

    public Folder get(long accountId, long folderId) {
        return mailboxes.byId(accountId, folderId).orElseThrow(NoSuchFolderException::new);
    }

    /** A folder by its full name; {@code INBOX} in any case. */
    public Optional<Folder> byName(long accountId, String name) {
        ensureDefaults(accountId);
        return mailboxes.byName(accountId, FolderNames.isInbox(name) ? "INBOX" : name);
    }

    public Folder byRole(long accountId, FolderRole role) {
        ensureDefaults(accountId);
        return mailboxes.byRole(accountId, role).orElseThrow(NoSuchFolderException::new);
    }

    /** Creates a folder under {@code parentId} (null: at the top). */
    public Folder create(long accountId, Long parentId, String name) {
        String leaf = FolderNames.checkLeaf(name);
        ensureDefaults(accountId);
        Folder created = transaction.execute(status -> {
            String parentPath = parentId == null ? null : get(accountId, parentId).name();
            String path = FolderNames.join(parentPath, leaf);
            refuseTaken(accountId, path, null);
            if (!mailboxes.insertIfAbsent(accountId, path, parentId, null, nextUidValidity(accountId))) {
                throw UserError.onField("name", "mail.error.folder-exists", leaf);
            }
            events.publish(new MailChange(accountId, 0, MailChange.Kind.FOLDERS_CHANGED, 0));
            return mailboxes.byName(accountId, path).orElseThrow();
        });
        return created;
    }

    /** Creates a folder by full path, with any missing parent (IMAP CREATE); returns the last level. */
    public Folder createPath(long accountId, String path) {
        Long parent = null;
        Folder folder = null;
        String sofar = null;
        for (String level : path.split(String.valueOf(Folder.DELIMITER), -1)) {
            String leaf = FolderNames.checkLeaf(level);
            sofar = sofar == null ? (FolderNames.isInbox(leaf) ? "INBOX" : leaf) : sofar + Folder.DELIMITER + leaf;
            Optional<Folder> existing = byName(accountId, sofar);
            folder = existing.isPresent() ? existing.get() : create(accountId, parent, leaf);
            parent = folder.id();
        }
        return folder;
    }

    /** Renames a folder and/or moves it under another parent (null: to the top), with its subfolders. */
    public Folder rename(long accountId, long folderId, Long newParentId, String newName) {
        String leaf = FolderNames.checkLeaf(newName);
        Folder renamed = transaction.execute(status -> {
            Folder folder = get(accountId, folderId);
            if (folder.role() != null) {
                throw UserError.of("mail.error.folder-protected");
            }
            String parentPath = null;
            if (newParentId != null) {
                Folder parent = get(accountId, newParentId);
                if (parent.id() == folder.id() || parent.name().startsWith(folder.name() + Folder.DELIMITER)) {
                    throw UserError.onField("parent", "mail.error.folder-into-itself");
                }
                parentPath = parent.name();
            }
            String path = FolderNames.join(parentPath, leaf);
            refuseTaken(accountId, path, folder.id());
            String oldPrefix = folder.name() + Folder.DELIMITER;
            for (Folder f : mailboxes.ofAccount(accountId)) {
                if (f.name().startsWith(oldPrefix)) {
                    mailboxes.rename(f.id(), FolderNames.join(path, f.name().substring(oldPrefix.length())), f.parentId());
                }
            }
            mailboxes.rename(folder.id(), path, newParentId);
            events.publish(new MailChange(accountId, 0, MailChange.Kind.FOLDERS_CHANGED, 0));
            return get(accountId, folderId);
        });
        return renamed;
    }

    /** Deletes a user folder with its subfolders and all their messages. */
    public void delete(long accountId, long folderId) {
        transaction.executeWithoutResult(status -> {
            Folder folder = get(accountId, folderId);
            if (folder.role() != null) {
                throw UserError.of("mail.error.folder-protected");
            }
            List<Long> subtree = new ArrayList<>();
            for (Folder f : mailboxes.ofAccount(accountId)) {
                if (f.id() == folder.id() || f.name().startsWith(folder.name() + Folder.DELIMITER)) {
                    subtree.add(f.id());
                }
            }
            backlog.deleteFolders(accountId, subtree);
            mailboxes.delete(subtree);
            events.publish(new MailChange(accountId, 0, MailChange.Kind.FOLDERS_CHANGED, 0));
        });
        index.changed();
    }

    public void subscribe(long accountId, long folderId, boolean subscribed) {
        get(accountId, folderId);
        mailboxes.setSubscribed(accountId, folderId, subscribed);
    }

    /** Creates the role folders an account lacks (on first use of its mail). */
    public void ensureDefaults(long accountId) {
        if (complete.getIfPresent(accountId) != null) {
            return;
        }
        if (mailboxes.roleCount(accountId) < FolderRole.values().length) {
            for (FolderRole role : FolderRole.values()) {
                if (mailboxes.byRole(accountId, role).isEmpty()) {
                    String name = role.defaultName();
                    if (mailboxes.byName(accountId, name).isPresent()) {
                        // an agent's own folder took the name (an old import): keep it, name the role folder apart
                        name = name + " (" + role.name().toLowerCase(java.util.Locale.ROOT) + ")";
                    }
                    mailboxes.insertIfAbsent(accountId, name, null, role, nextUidValidity(accountId));
                }
            }
        }
        rememberComplete(accountId);
    }

    /**
     * Remembers that the account's role folders exist once that is true for everyone: when the
     * caller's transaction (which may have made them) commits, at once outside a transaction.
     * Remembered earlier, a concurrent delivery would look for folders it cannot see yet, and
     * after a rollback the account would have none until the next start.
     */
    private void rememberComplete(long accountId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    complete.put(accountId, Boolean.TRUE);
                }
            });
        } else {
            complete.put(accountId, Boolean.TRUE);
        }
    }

    private void refuseTaken(long accountId, String path, Long except) {
        String key = FolderNames.key(path);
        for (Folder f : mailboxes.ofAccount(accountId)) {
            if (FolderNames.key(f.name()).equals(key) && (except == null || f.id() != except)) {
                throw UserError.onField("name", "mail.error.folder-exists", f.leafName());
            }
        }
        if (FolderNames.isInbox(path)) {
            throw UserError.onField("name", "mail.error.folder-exists", path);
        }
    }

    private long nextUidValidity(long accountId) {
        return mailboxes.nextUidValidity(accountId);
    }

    static List<Folder> treeOrder(List<Folder> folders) {
        Map<Long, List<Folder>> children = folders.stream().filter(f -> f.parentId() != null)
                .collect(Collectors.groupingBy(Folder::parentId));
        Comparator<Folder> order = Comparator
                .comparingInt((Folder f) -> f.role() == null ? FolderRole.values().length : f.role().ordinal())
                .thenComparing(f -> f.leafName().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(Folder::name);
        List<Folder> out = new ArrayList<>(folders.size());
        List<Folder> roots = folders.stream().filter(f -> f.parentId() == null).sorted(order).toList();
        for (Folder root : roots) {
            addTree(root, children, order, out);
        }
        return out;
    }

    private static void addTree(Folder folder, Map<Long, List<Folder>> children, Comparator<Folder> order, List<Folder> out) {
        out.add(folder);
        for (Folder child : children.getOrDefault(folder.id(), List.of()).stream().sorted(order).toList()) {
            addTree(child, children, order, out);
        }
    }
}
