package fr.preau.mail.web;

import fr.preau.mail.Flag;
import fr.preau.mail.FlagChange;
import fr.preau.mail.Folder;
import fr.preau.mail.FolderRole;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MessageSummary;
import fr.preau.platform.UserError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Carries out a {@link MessageAction} on messages of the signed-in account, the same way for
 * both interfaces: "delete" moves to Corbeille (and deletes for good what is already there),
 * "spam" files into Indésirables with the {@code $Junk} keyword, "not spam" back to Réception.
 */
@Component
class MailActions {

    static final String JUNK = "$Junk";
    static final String NOT_JUNK = "$NotJunk";

    private final MailFolders folders;
    private final MailMessages messages;

    MailActions(MailFolders folders, MailMessages messages) {
        this.folders = folders;
        this.messages = messages;
    }

    /** Does it; returns how many messages it concerned. Ids of another account are not found. */
    int apply(long accountId, MessageAction action, Collection<Long> ids, Long targetFolderId) {
        if (ids.isEmpty()) {
            throw UserError.of("webmail.error.nothing-selected");
        }
        // a message deleted or moved away in another tab is left out; if none is left, say so
        List<MessageSummary> selected = new ArrayList<>();
        for (long id : ids.stream().distinct().toList()) {
            try {
                selected.add(messages.get(accountId, id));
            } catch (fr.preau.mail.NoSuchMessageException gone) {
                // skipped
            }
        }
        if (selected.isEmpty()) {
            throw UserError.of("webmail.error.gone");
        }
        List<Long> list = selected.stream().map(MessageSummary::id).toList();
        switch (action) {
            case READ -> messages.changeFlags(accountId, list, FlagChange.add(Flag.SEEN));
            case UNREAD -> messages.changeFlags(accountId, list, FlagChange.remove(Flag.SEEN));
            case FLAG -> messages.changeFlags(accountId, list, FlagChange.add(Flag.FLAGGED));
            case UNFLAG -> messages.changeFlags(accountId, list, FlagChange.remove(Flag.FLAGGED));
            case MOVE -> {
                if (targetFolderId == null) {
                    throw UserError.onField("target", "webmail.error.no-target");
                }
                moveOut(accountId, selected, folders.get(accountId, targetFolderId));
            }
            case ARCHIVE -> moveOut(accountId, selected, folders.byRole(accountId, FolderRole.ARCHIVE));
            case SPAM -> {
                messages.changeFlags(accountId, list, new FlagChange(FlagChange.Mode.ADD, Set.of(), Set.of(JUNK)));
                messages.changeFlags(accountId, list, new FlagChange(FlagChange.Mode.REMOVE, Set.of(), Set.of(NOT_JUNK)));
                moveOut(accountId, selected, folders.byRole(accountId, FolderRole.JUNK));
            }
            case NOT_SPAM -> {
                messages.changeFlags(accountId, list, new FlagChange(FlagChange.Mode.REMOVE, Set.of(), Set.of(JUNK)));
                messages.changeFlags(accountId, list, new FlagChange(FlagChange.Mode.ADD, Set.of(), Set.of(NOT_JUNK)));
                moveOut(accountId, selected, folders.byRole(accountId, FolderRole.INBOX));
            }
            case DELETE -> delete(accountId, selected);
        }
        return selected.size();
    }

    /** Deletes for good every message of Corbeille; returns how many. */
    int emptyTrash(long accountId) {
        Folder trash = folders.byRole(accountId, FolderRole.TRASH);
        List<Long> all = new ArrayList<>();
        int offset = 0;
        while (true) {
            var page = messages.list(accountId, trash.id(), fr.preau.mail.ListOrder.newestFirst(), offset, 500);
            page.messages().forEach(m -> all.add(m.id()));
            if (!page.hasMore()) {
                break;
            }
            offset += page.messages().size();
        }
        return all.isEmpty() ? 0 : messages.deletePermanently(accountId, all);
    }

    private void delete(long accountId, List<MessageSummary> selected) {
        Folder trash = folders.byRole(accountId, FolderRole.TRASH);
        List<Long> already = selected.stream().filter(m -> m.folderId() == trash.id()).map(MessageSummary::id).toList();
        if (!already.isEmpty()) {
            messages.deletePermanently(accountId, already);
        }
        moveOut(accountId, selected.stream().filter(m -> m.folderId() != trash.id()).toList(), trash);
    }

    private void moveOut(long accountId, List<MessageSummary> selected, Folder target) {
        Map<Long, List<Long>> bySource = selected.stream().filter(m -> m.folderId() != target.id())
                .collect(Collectors.groupingBy(MessageSummary::folderId,
                        Collectors.mapping(MessageSummary::id, Collectors.toList())));
        bySource.values().forEach(ids -> messages.move(accountId, ids, target.id()));
    }
}
