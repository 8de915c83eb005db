package fr.preau.mail.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.mail.ComposeError;
import fr.preau.mail.ComposeException;
import fr.preau.mail.Draft;
import fr.preau.mail.DraftAttachment;
import fr.preau.mail.FolderRole;
import fr.preau.mail.MailComposer;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailPreferences;
import fr.preau.mail.MailQuotas;
import fr.preau.mail.OverQuotaException;
import fr.preau.mail.SentMessage;
import fr.preau.platform.UserError;
import fr.preau.platform.web.FieldErrors;
import fr.preau.platform.web.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing a message, in both interfaces: one form, posted whole for each step (attach files,
 * remove one, save the draft, send). Every refusal shows the form again with what was typed
 * and the files already attached, and the reason next to the field. The full interface adds,
 * with its script, a rich-text editor, address suggestions, uploads with a progress bar and
 * automatic saving ({@link ComposeApiController}); the form underneath is the same.
 */
@Controller
class ComposeController {

    private final MailComposer composer;
    private final ComposeDrafts drafts;
    private final MailFolders folders;
    private final MailQuotas quotas;
    private final MailPreferences preferences;
    private final ComposeStarts starts;
    private final ComposeRescueCookie rescue;

    ComposeController(MailComposer composer, ComposeDrafts drafts, MailFolders folders, MailQuotas quotas,
                            MailPreferences preferences, ComposeStarts starts, ComposeRescueCookie rescue) {
        this.composer = composer;
        this.drafts = drafts;
        this.folders = folders;
        this.quotas = quotas;
        this.preferences = preferences;
        this.starts = starts;
        this.rescue = rescue;
    }

    @GetMapping({"/simple/mail/compose", "/app/mail/compose"})
    ModelAndView start(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam Map<String, String> params,
                       @ModelAttribute("ctx") PageContext ctx, Map<String, Object> model, HttpServletRequest request,
                       jakarta.servlet.http.HttpServletResponse response) {
        String base = base(request);
        rescue.issue(agent.accountId(), response);
        Draft draft = starts.start(agent.accountId(), params, ctx.locale());
        return page(base, agent, draft, new FieldErrors(), (Notice) model.get(Notice.ATTRIBUTE));
    }

    @PostMapping({"/simple/mail/compose", "/app/mail/compose"})
    Object post(@AuthenticationPrincipal AgentPrincipal agent, ComposeForm form, HttpServletRequest request,
                @RequestParam(name = "files", required = false) List<MultipartFile> files,
                @RequestParam(name = "remove", required = false) List<String> remove,
                @RequestParam(defaultValue = "save") String action, RedirectAttributes redirect) {
        String base = base(request);
        long account = agent.accountId();
        Set<String> removed = remove == null ? Set.of() : new HashSet<>(remove);
        Draft draft = drafts.fromForm(account, form, removed);
        List<ComposeException> refused = new ArrayList<>();
        List<DraftAttachment> added = drafts.stage(account, files == null ? List.of() : files, refused);
        if (!added.isEmpty()) {
            List<DraftAttachment> all = new ArrayList<>(draft.attachments());
            all.addAll(added);
            draft = withAttachments(draft, all);
        }
        FieldErrors errors = new FieldErrors();
        refused.forEach(e -> addAll(errors, e));
        if (!errors.isEmpty() && !"discard".equals(action)) {
            return page(base, agent, draft, errors, null);
        }
        try {
            switch (action) {
                case "send" -> {
                    SentMessage sent = composer.send(account, draft);
                    redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("webmail.compose.sent", sent.recipients()));
                    return "redirect:" + base + "/mail/folder/" + folders.byRole(account, FolderRole.INBOX).id();
                }
                case "discard" -> {
                    if (draft.draftMessageId() != null) {
                        composer.discardDraft(account, draft.draftMessageId(), uploadIds(draft));
                    } else {
                        drafts.discardUploads(account, draft);
                    }
                    redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("webmail.compose.discarded"));
                    return "redirect:" + base + "/mail/folder/" + folders.byRole(account, FolderRole.INBOX).id();
                }
                case "attach" -> {
                    return page(base, agent, draft, errors, added.isEmpty() ? null
                            : Notice.done("webmail.compose.attached", added.size()));
                }
                default -> {
                    long id = composer.saveDraft(account, draft);
                    return page(base, agent, ComposeStarts.cleaned(composer.load(account, id)), errors, Notice.done("webmail.compose.saved"));
                }
            }
        } catch (ComposeException e) {
            addAll(errors, e);
            return page(base, agent, draft, errors, null);
        } catch (OverQuotaException e) {
            errors.global("mail.error.over-quota", e.usage().limitMegabytes());
            return page(base, agent, draft, errors, null);
        } catch (UserError e) {
            errors.add(e.field() == null ? FieldErrors.GLOBAL : e.field(), e.key(), e.args());
            return page(base, agent, draft, errors, null);
        }
    }

    private static List<Long> uploadIds(Draft draft) {
        return draft.attachments().stream().filter(a -> a.source() == DraftAttachment.Source.UPLOAD)
                .map(DraftAttachment::uploadId).toList();
    }

    static Draft withAttachments(Draft d, List<DraftAttachment> attachments) {
        return new Draft(d.draftMessageId(), d.to(), d.cc(), d.bcc(), d.subject(), d.text(), d.html(), d.priority(),
                d.readReceipt(), d.inReplyTo(), d.references(), d.repliedMessageId(), d.forwardedMessageId(),
                attachments);
    }

    static void addAll(FieldErrors errors, ComposeException e) {
        for (ComposeError error : e.errors()) {
            errors.add(error.field() == null ? FieldErrors.GLOBAL : error.field(), error.messageKey(),
                    error.args().toArray());
        }
    }

    static String base(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/app/") ? "/app" : "/simple";
    }

    private ModelAndView page(String base, AgentPrincipal agent, Draft draft, FieldErrors errors, Notice notice) {
        return new ModelAndView(base.equals("/app") ? "mail/app/compose" : "mail/simple/compose",
                Map.of("page", new ComposePage(base,
                new FolderTree(folders.list(agent.accountId())), draft, errors, notice,
                quotas.usage(agent.accountId()), starts.maxMegabytes())));
    }
}
