package fr.preau.mail.web;

import fr.preau.mail.Folder;
import fr.preau.mail.ListOrder;
import fr.preau.mail.MessagePage;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.QuotaUsage;
import fr.preau.platform.web.PageContext;

/**
 * A page of messages in the simplified interface: a folder's, or a search's (then
 * {@code folder} is the folder searched, or null for all folders, and {@code search} the words).
 */
public record SimpleListPage(String base, FolderTree tree, Folder folder, MessagePage page, ListParams params,
                             QuotaUsage quota, Notice notice, SearchForm search) {

    public boolean searching() {
        return search != null;
    }

    public String baseUrl() {
        return searching() ? base + "/mail/search" : base + "/mail/folder/" + folder.id();
    }

    /** The URL of another page of this list, keeping its sort and search. */
    public String pageUrl(int page) {
        return baseUrl() + "?" + (searching() ? search.query() + "&" : "") + params.query(page);
    }

    public String sortUrl(ListOrder.Field field) {
        return baseUrl() + "?" + (searching() ? search.query() + "&" : "") + params.sortedBy(field);
    }

    public boolean sortedBy(ListOrder.Field field) {
        return params.field() == field;
    }

    public boolean descending() {
        return params.descending();
    }

    public int pageNumber() {
        return params.page();
    }

    public int first() {
        return page.messages().isEmpty() ? 0 : page.offset() + 1;
    }

    public int last() {
        return page.offset() + page.messages().size();
    }

    public boolean hasPrevious() {
        return params.page() > 1;
    }

    public boolean hasNext() {
        return page.hasMore();
    }

    public String sender(MessageSummary m, PageContext ctx) {
        if (folder != null && folder.role() != null
                && (folder.role() == fr.preau.mail.FolderRole.SENT || folder.role() == fr.preau.mail.FolderRole.DRAFTS)) {
            return m.to().isEmpty() ? ctx.t("webmail.list.no-recipient")
                    : ctx.t("webmail.list.to", m.to().get(0).displayName());
        }
        return m.from() == null ? ctx.t("webmail.list.no-sender") : m.from().displayName();
    }

    public String subject(MessageSummary m, PageContext ctx) {
        return m.subject() == null || m.subject().isBlank() ? ctx.t("webmail.list.no-subject") : m.subject();
    }

    public long usedMegabytes() {
        return (quota.usedBytes() + 512 * 1024) / (1024 * 1024);
    }

    /** The URL of this very list (page, sort, search), to come back to after an action. */
    public String selfUrl() {
        return pageUrl(params.page());
    }

    public String folderLabel(PageContext ctx) {
        return folder == null ? ctx.t("webmail.search.all-folders") : FolderTree.label(folder, ctx);
    }
}
