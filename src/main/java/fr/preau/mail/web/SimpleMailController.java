package fr.preau.mail.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.mail.Folder;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MailQuotas;
import fr.preau.mail.MailSearch;
import fr.preau.mail.MessagePage;
import fr.preau.platform.UserError;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The simplified interface's folders and lists: a folder's messages a page at a time, sorted
 * by a column, with check boxes and one action button; search; emptying Corbeille. Every
 * action is a form post answered by a redirect (works without JavaScript, reload-safe).
 */
@Controller
class SimpleMailController {

    private final MailFolders folders;
    private final MailMessages messages;
    private final MailSearch search;
    private final MailQuotas quotas;
    private final MailActions actions;
    private final fr.preau.mail.MailPreferences preferences;

    SimpleMailController(MailFolders folders, MailMessages messages, MailSearch search, MailQuotas quotas,
                         MailActions actions, fr.preau.mail.MailPreferences preferences) {
        this.folders = folders;
        this.messages = messages;
        this.search = search;
        this.quotas = quotas;
        this.actions = actions;
        this.preferences = preferences;
    }

    @GetMapping("/simple/mail")
    String inbox(@AuthenticationPrincipal AgentPrincipal agent) {
        return "redirect:/simple/mail/folder/" + tree(agent).inbox().id();
    }

    @GetMapping("/simple/mail/folder/{folderId}")
    ModelAndView folder(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long folderId,
                        @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                        @RequestParam(required = false) Integer page, Map<String, Object> flash) {
        Folder folder = folders.get(agent.accountId(), folderId);
        ListParams params = ListParams.of(sort, dir, page, preferences.get(agent.accountId()).pageSize());
        MessagePage list = messages.list(agent.accountId(), folder.id(), params.order(), params.offset(),
                params.pageSize());
        return new ModelAndView("mail/simple/list", Map.of("page", new SimpleListPage("/simple", tree(agent), folder, list,
                params, quotas.usage(agent.accountId()), (Notice) flash.get(Notice.ATTRIBUTE), null)));
    }

    @GetMapping("/simple/mail/search")
    ModelAndView search(@AuthenticationPrincipal AgentPrincipal agent, SearchForm form,
                        @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                        @RequestParam(required = false) Integer page, Map<String, Object> flash) {
        FolderTree tree = tree(agent);
        Folder folder = form.folder() == null ? null : folders.get(agent.accountId(), form.folder());
        ListParams params = ListParams.of(sort, dir, page, preferences.get(agent.accountId()).pageSize());
        Notice notice = (Notice) flash.get(Notice.ATTRIBUTE);
        MessagePage found = new MessagePage(List.of(), 0, 0, params.pageSize());
        if (!form.problems().isEmpty()) {
            notice = Notice.error(form.problems().get(0)[1]);
        } else if (form.empty()) {
            notice = notice != null ? notice : Notice.error("webmail.search.error.empty");
        } else if (!search.available()) {
            notice = Notice.error("webmail.search.error.unavailable");
        } else {
            found = search.search(agent.accountId(), form.toQuery(), params.order(), params.offset(), params.pageSize());
        }
        return new ModelAndView("mail/simple/list", Map.of("page", new SimpleListPage("/simple", tree, folder, found, params,
                quotas.usage(agent.accountId()), notice, form)));
    }

    @GetMapping("/simple/mail/search/advanced")
    ModelAndView advancedSearch(@AuthenticationPrincipal AgentPrincipal agent) {
        return new ModelAndView("mail/simple/advanced-search", Map.of("tree", tree(agent)));
    }

    /** The action button under a list: the checked messages, the action, and the target folder of a move. */
    @PostMapping("/simple/mail/act")
    String act(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(name = "id", required = false) List<Long> ids,
               @RequestParam(required = false) String action, @RequestParam(required = false) Long target,
               @RequestParam(required = false) String back, RedirectAttributes redirect) {
        String to = LocalRedirect.of(back, "/simple/mail");
        var parsed = MessageAction.parse(action);
        if (parsed.isEmpty()) {
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.error("webmail.error.no-action"));
            return "redirect:" + to;
        }
        try {
            int n = actions.apply(agent.accountId(), parsed.get(), ids == null ? List.of() : ids, target);
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done(parsed.get().noticeKey(), n));
        } catch (UserError refused) {
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.error(refused.key(), refused.args()));
        }
        return "redirect:" + to;
    }

    @PostMapping("/simple/mail/trash/empty")
    String emptyTrash(@AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        int n = actions.emptyTrash(agent.accountId());
        redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("webmail.done.empty-trash", n));
        return "redirect:/simple/mail/folder/" + folders.byRole(agent.accountId(), fr.preau.mail.FolderRole.TRASH).id();
    }

    private FolderTree tree(AgentPrincipal agent) {
        return new FolderTree(folders.list(agent.accountId()));
    }
}
