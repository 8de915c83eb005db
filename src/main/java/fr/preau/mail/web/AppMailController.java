package fr.preau.mail.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.mail.Folder;
import fr.preau.mail.FolderRole;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MailPreferences;
import fr.preau.mail.MailQuotas;
import fr.preau.mail.MailSearch;
import fr.preau.mail.MailSettings;
import fr.preau.mail.MessagePage;
import fr.preau.platform.UserError;
import fr.preau.platform.web.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The full interface: three panes on one page. Every URL is a whole page (a link opened in a
 * new tab, a reload, no JavaScript at all), and answers an htmx request with just the pane it
 * targets — the list ({@code list-pane}) or the reading pane ({@code reading-pane}) — plus the
 * folder tree out of band, so unread counts stay right.
 */
@Controller
class AppMailController {

    static final String BASE = "/app";
    static final String LIST_PANE = "list-pane";
    static final String READING_PANE = "reading-pane";

    private final MailFolders folders;
    private final MailMessages messages;
    private final MailSearch search;
    private final MailQuotas quotas;
    private final MailActions actions;
    private final MailPreferences preferences;
    private final ReadPages readPages;

    AppMailController(MailFolders folders, MailMessages messages, MailSearch search, MailQuotas quotas,
                      MailActions actions, MailPreferences preferences, ReadPages readPages) {
        this.folders = folders;
        this.messages = messages;
        this.search = search;
        this.quotas = quotas;
        this.actions = actions;
        this.preferences = preferences;
        this.readPages = readPages;
    }

    @GetMapping("/app/mail")
    String inbox(@AuthenticationPrincipal AgentPrincipal agent) {
        return "redirect:/app/mail/folder/" + folders.byRole(agent.accountId(), FolderRole.INBOX).id();
    }

    @GetMapping("/app/mail/folder/{folderId}")
    ModelAndView folder(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long folderId,
                        @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                        @RequestParam(required = false) Integer page, HttpServletRequest request,
                        Map<String, Object> model) {
        SimpleListPage list = folderList(agent, folderId, sort, dir, page, (Notice) model.get(Notice.ATTRIBUTE));
        return render(agent, request, list, null);
    }

    @GetMapping("/app/mail/search")
    ModelAndView search(@AuthenticationPrincipal AgentPrincipal agent, SearchForm form,
                        @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                        @RequestParam(required = false) Integer page, HttpServletRequest request) {
        MailSettings settings = preferences.get(agent.accountId());
        FolderTree tree = new FolderTree(folders.list(agent.accountId()));
        Folder folder = form.folder() == null ? null : folders.get(agent.accountId(), form.folder());
        ListParams params = ListParams.of(sort, dir, page, settings.pageSize());
        Notice notice = null;
        MessagePage found = new MessagePage(List.of(), 0, 0, params.pageSize());
        if (!form.problems().isEmpty()) {
            notice = Notice.error(form.problems().get(0)[1]);
        } else if (form.empty()) {
            notice = Notice.error("webmail.search.error.empty");
        } else if (!search.available()) {
            notice = Notice.error("webmail.search.error.unavailable");
        } else {
            found = search.search(agent.accountId(), form.toQuery(), params.order(), params.offset(), params.pageSize());
        }
        SimpleListPage list = new SimpleListPage(BASE, tree, folder, found, params, quotas.usage(agent.accountId()),
                notice, form);
        return render(agent, request, list, null);
    }

    @GetMapping("/app/mail/message/{id}")
    ModelAndView read(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id,
                      @RequestParam(defaultValue = "false") boolean images, @RequestParam(required = false) String view,
                      @RequestParam(required = false) String path, @ModelAttribute("ctx") PageContext ctx,
                      HttpServletRequest request, Map<String, Object> model) {
        if (path == null) {
            readPages.markRead(agent.accountId(), id);
        }
        MailSettings settings = preferences.get(agent.accountId());
        ReadPage reading = readPages.build(BASE, agent.accountId(), id, path, images, view,
                (Notice) model.get(Notice.ATTRIBUTE), ctx.lang(), settings.conversations());
        if (htmx(request, READING_PANE)) {
            return new ModelAndView("mail/app/reading-response", Map.of("page", page(agent, null, reading)));
        }
        SimpleListPage list = folderList(agent, reading.folder().id(), null, null, null, null);
        return render(agent, request, list, reading);
    }

    /** The folder tree alone (refreshed by the live updates). */
    @GetMapping("/app/mail/tree")
    ModelAndView tree(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(defaultValue = "0") long current) {
        FolderTree tree = new FolderTree(folders.list(agent.accountId()));
        return new ModelAndView("mail/app/tree", Map.of("tree", tree, "quota", quotas.usage(agent.accountId()),
                "current", current, "oob", false));
    }

    /**
     * An action on the selected messages (or the one being read). htmx gets the list back as it
     * now is (at {@code back}), the folder tree, and the reading pane emptied when the message
     * left the list; without JavaScript, a redirect.
     */
    @PostMapping("/app/mail/act")
    Object act(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(name = "id", required = false) List<Long> ids,
               @RequestParam(required = false) String action, @RequestParam(required = false) Long target,
               @RequestParam(required = false) String back, @RequestParam(required = false) Long reading,
               @ModelAttribute("ctx") PageContext ctx, HttpServletRequest request, RedirectAttributes redirect) {
        String to = LocalRedirect.of(back, "/app/mail");
        Notice notice;
        var parsed = MessageAction.parse(action);
        boolean gone = false;
        if (parsed.isEmpty()) {
            notice = Notice.error("webmail.error.no-action");
        } else {
            try {
                int n = actions.apply(agent.accountId(), parsed.get(), ids == null ? List.of() : ids, target);
                notice = Notice.done(parsed.get().noticeKey(), n);
                gone = switch (parsed.get()) {
                    case MOVE, DELETE, ARCHIVE, SPAM, NOT_SPAM -> true;
                    default -> false;
                };
            } catch (UserError refused) {
                notice = Notice.error(refused.key(), refused.args());
            }
        }
        if (!htmx(request, null)) {
            redirect.addFlashAttribute(Notice.ATTRIBUTE, notice);
            return "redirect:" + to;
        }
        SimpleListPage list = listAt(agent, to, notice);
        ReadPage readingPage = null;
        boolean clearReading = false;
        if (reading != null) {
            if (gone && ids != null && ids.contains(reading)) {
                clearReading = true;
            } else {
                try {
                    readingPage = readPages.build(BASE, agent.accountId(), reading, null, false, null, null, ctx.lang(),
                            preferences.get(agent.accountId()).conversations());
                } catch (fr.preau.mail.NoSuchMessageException gone2) {
                    clearReading = true;
                }
            }
        }
        return new ModelAndView("mail/app/act-response", Map.of("page", page(agent, list, readingPage),
                "clearReading", clearReading));
    }

    @PostMapping("/app/mail/trash/empty")
    String emptyTrash(@AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        int n = actions.emptyTrash(agent.accountId());
        redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("webmail.done.empty-trash", n));
        return "redirect:/app/mail/folder/" + folders.byRole(agent.accountId(), FolderRole.TRASH).id();
    }

    /** Conversations on or off, from the list's header. */
    @PostMapping("/app/mail/conversations")
    String conversations(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam boolean on,
                         @RequestParam(required = false) String back) {
        MailSettings s = preferences.get(agent.accountId());
        preferences.save(agent.accountId(), new MailSettings(s.signature(), s.density(), s.remoteImages(), on, s.pageSize()));
        return "redirect:" + LocalRedirect.of(back, "/app/mail");
    }

    private SimpleListPage folderList(AgentPrincipal agent, long folderId, String sort, String dir, Integer page,
                                      Notice notice) {
        Folder folder = folders.get(agent.accountId(), folderId);
        ListParams params = ListParams.of(sort, dir, page, preferences.get(agent.accountId()).pageSize());
        MessagePage list = messages.list(agent.accountId(), folder.id(), params.order(), params.offset(), params.pageSize());
        return new SimpleListPage(BASE, new FolderTree(folders.list(agent.accountId())), folder, list, params,
                quotas.usage(agent.accountId()), notice, null);
    }

    /** The list a {@code back} URL of a folder names (a search list falls back to its folder, or INBOX). */
    private SimpleListPage listAt(AgentPrincipal agent, String back, Notice notice) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^/app/mail/folder/(\\d+)(?:\\?(.*))?$").matcher(back);
        if (m.matches()) {
            Map<String, String> q = query(m.group(2));
            Integer page = null;
            try {
                page = q.containsKey("page") ? Integer.valueOf(q.get("page")) : null;
            } catch (NumberFormatException ignored) {
                page = null;
            }
            try {
                return folderList(agent, Long.parseLong(m.group(1)), q.get("sort"), q.get("dir"), page, notice);
            } catch (fr.preau.mail.NoSuchFolderException gone) {
                // the folder was just deleted in another tab: show INBOX
            }
        }
        return folderList(agent, folders.byRole(agent.accountId(), FolderRole.INBOX).id(), null, null, null, notice);
    }

    private static Map<String, String> query(String q) {
        Map<String, String> out = new java.util.HashMap<>();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private ModelAndView render(AgentPrincipal agent, HttpServletRequest request, SimpleListPage list, ReadPage reading) {
        AppPage page = page(agent, list, reading);
        if (htmx(request, LIST_PANE)) {
            return new ModelAndView("mail/app/list-response", Map.of("page", page));
        }
        return new ModelAndView("mail/app/mail", Map.of("page", page));
    }

    private AppPage page(AgentPrincipal agent, SimpleListPage list, ReadPage reading) {
        MailSettings settings = preferences.get(agent.accountId());
        FolderTree tree = list != null ? list.tree() : reading.tree();
        boolean grouped = settings.conversations() && list != null && !list.searching()
                && list.params().field() == fr.preau.mail.ListOrder.Field.DATE;
        return new AppPage(tree, quotas.usage(agent.accountId()), list, reading, grouped,
                settings.density().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether this is an htmx request (for that target, when one is given). */
    static boolean htmx(HttpServletRequest request, String target) {
        if (!"true".equals(request.getHeader("HX-Request"))) {
            return false;
        }
        return target == null || target.equals(request.getHeader("HX-Target"));
    }
}
