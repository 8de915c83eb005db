package fr.preau.mail.web;

import fr.preau.mail.Folder;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.QuotaUsage;
import fr.preau.platform.web.PageContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The full interface's three panes: the folder tree with its quota gauge, the message list
 * (folder or search) and the reading pane (empty until a message is opened).
 *
 * @param conversations whether the list groups the messages of a conversation on one line
 */
public record AppPage(FolderTree tree, QuotaUsage quota, SimpleListPage list, ReadPage reading, boolean conversations,
                      String density) {

    /** One line of the list: a message, and how many messages of its conversation the line stands for. */
    public record Row(MessageSummary message, int count) {}

    public List<Row> rows() {
        List<MessageSummary> messages = list.page().messages();
        if (!conversations) {
            return messages.stream().map(m -> new Row(m, 1)).toList();
        }
        Map<Long, MessageSummary> first = new LinkedHashMap<>();
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (MessageSummary m : messages) {
            first.putIfAbsent(m.threadId(), m);
            counts.merge(m.threadId(), 1, Integer::sum);
        }
        List<Row> rows = new ArrayList<>();
        first.forEach((thread, m) -> rows.add(new Row(m, counts.get(thread))));
        return rows;
    }

    public long currentFolderId() {
        return list.folder() == null ? 0 : list.folder().id();
    }

    public long usedMegabytes() {
        return (quota.usedBytes() + 512 * 1024) / (1024 * 1024);
    }



    public static String label(Folder f, PageContext ctx) {
        return FolderTree.label(f, ctx);
    }

    public String readingUrl() {
        return reading == null ? "" : "/app/mail/message/" + reading.id();
    }
}
