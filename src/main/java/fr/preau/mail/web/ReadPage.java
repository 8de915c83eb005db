package fr.preau.mail.web;

import fr.preau.mail.AttachmentView;
import fr.preau.mail.Folder;
import fr.preau.mail.FolderRole;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MessageView;
import fr.preau.mail.NestedView;
import fr.preau.platform.web.PageContext;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A message on the reading page: who, when, the body (sanitised HTML in a sandboxed frame, or
 * the text), attachments and attached messages, and what can be done with it.
 *
 * @param images whether remote images are shown (the user asked, trusts the sender, or always shows them)
 * @param plainText whether the user asked for the text version of an HTML message
 */
public record ReadPage(String base, MessageView view, FolderTree tree, Folder folder, boolean images, boolean plainText,
                       Notice notice, String lang, List<fr.preau.mail.MessageSummary> conversation) {

    public long id() {
        return view.summary().id();
    }

    public String subject(PageContext ctx) {
        return view.subject() == null || view.subject().isBlank() ? ctx.t("webmail.list.no-subject") : view.subject();
    }

    public String addresses(List<MailAddress> list) {
        return list.stream().map(MailAddress::display).collect(Collectors.joining(", "));
    }

    public MailAddress firstFrom() {
        return view.from().isEmpty() ? null : view.from().get(0);
    }

    /** Whether the frame shows the HTML body (else the text is on the page itself). */
    public boolean framed() {
        return view.hasHtml() && !plainText;
    }

    public String frameUrl() {
        return "/mail/message/" + id() + "/body?lang=" + lang + (view.path() == null ? "" : "&path=" + Links.enc(view.path()))
                + (images ? "&images=true" : "");
    }

    public String url() {
        if (view.path() == null) {
            return base + "/mail/message/" + id();
        }
        return base + "/mail/message/" + id() + ("/app".equals(base) ? "?path=" : "/nested?path=") + Links.enc(view.path());
    }

    public String urlWith(String param) {
        return url() + (url().contains("?") ? "&" : "?") + param;
    }

    public List<AttachmentView> listed() {
        return view.attachments().stream().filter(a -> !(a.inline() && framed())).toList();
    }

    public String download(AttachmentView a) {
        return Links.attachment(id(), a, false);
    }

    public String preview(AttachmentView a) {
        return Links.attachment(id(), a, true);
    }

    public boolean previewable(AttachmentView a) {
        return a.image() || a.pdf();
    }

    public String nestedUrl(NestedView n) {
        return base + "/mail/message/" + id() + "/nested?path=" + Links.enc(n.path());
    }

    /** Whether the reading page lists the other messages of the conversation. */
    public boolean hasConversation() {
        return conversation != null && conversation.size() > 1;
    }

    public String folderLabelOf(fr.preau.mail.MessageSummary m, PageContext ctx) {
        return tree.byId(m.folderId()).map(f -> FolderTree.label(f, ctx)).orElse("");
    }

    public boolean inTrash() {
        return folder.role() == FolderRole.TRASH;
    }

    public boolean inJunk() {
        return folder.role() == FolderRole.JUNK;
    }

    public boolean draft() {
        return folder.role() == FolderRole.DRAFTS;
    }

    public static String size(long bytes, PageContext ctx) {
        if (bytes < 1024) {
            return ctx.t("webmail.size.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return ctx.t("webmail.size.kb", (bytes + 512) / 1024);
        }
        return ctx.t("webmail.size.mb", Math.round(bytes * 10.0 / (1024 * 1024)) / 10.0);
    }
}
