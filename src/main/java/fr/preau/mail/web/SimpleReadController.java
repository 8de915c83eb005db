package fr.preau.mail.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.mail.Flag;
import fr.preau.mail.FlagChange;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MailPreferences;
import fr.preau.mail.MailReading;
import fr.preau.mail.MailSettings;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.MessageView;
import fr.preau.mail.ViewOptions;
import fr.preau.platform.web.PageContext;
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
 * Reading a message in the simplified interface. Opening it marks it read; remote images
 * stay blocked unless the user asks for them (this once, or always for this sender) or shows
 * them always in the settings.
 */
@Controller
class SimpleReadController {

    private final MailMessages messages;
    private final MailFolders folders;
    private final MailReading reading;
    private final MailPreferences preferences;

    SimpleReadController(MailMessages messages, MailFolders folders, MailReading reading, MailPreferences preferences) {
        this.messages = messages;
        this.folders = folders;
        this.reading = reading;
        this.preferences = preferences;
    }

    @GetMapping("/simple/mail/message/{id}")
    ModelAndView read(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id,
                      @RequestParam(defaultValue = "false") boolean images, @RequestParam(required = false) String view,
                      @ModelAttribute("ctx") PageContext ctx, Map<String, Object> model) {
        MessageSummary summary = messages.get(agent.accountId(), id);
        if (!summary.flags().seen()) {
            messages.changeFlags(agent.accountId(), List.of(id), FlagChange.add(Flag.SEEN));
        }
        return page(agent, id, null, images, view, ctx, model);
    }

    @GetMapping("/simple/mail/message/{id}/nested")
    ModelAndView nested(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id, @RequestParam String path,
                        @RequestParam(defaultValue = "false") boolean images, @RequestParam(required = false) String view,
                        @ModelAttribute("ctx") PageContext ctx, Map<String, Object> model) {
        return page(agent, id, path, images, view, ctx, model);
    }

    @GetMapping({"/simple/mail/message/{id}/print", "/app/mail/message/{id}/print"})
    ModelAndView print(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id,
                       @ModelAttribute("ctx") PageContext ctx, Map<String, Object> model) {
        ModelAndView page = page(agent, id, null, false, null, ctx, model);
        page.setViewName("mail/print");
        return page;
    }

    @GetMapping("/simple/mail/message/{id}/headers")
    ModelAndView headers(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id) {
        MessageSummary summary = messages.get(agent.accountId(), id);
        return new ModelAndView("mail/simple/headers", Map.of("summary", summary,
                "headers", reading.headersText(agent.accountId(), id)));
    }

    @PostMapping("/simple/mail/message/{id}/trust-sender")
    String trustSender(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id, RedirectAttributes redirect) {
        MessageView view = reading.view(agent.accountId(), id, ViewOptions.SAFE);
        if (!view.from().isEmpty()) {
            preferences.trustSender(agent.accountId(), view.from().get(0).address());
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("webmail.read.sender-trusted", view.from().get(0).address()));
        }
        return "redirect:/simple/mail/message/" + id;
    }

    private ModelAndView page(AgentPrincipal agent, long id, String path, boolean images, String view, PageContext ctx,
                              Map<String, Object> model) {
        MessageView first = path == null ? reading.view(agent.accountId(), id, ViewOptions.SAFE)
                : reading.viewNested(agent.accountId(), id, path, ViewOptions.SAFE);
        boolean show = images || showsImagesOf(agent.accountId(), first);
        FolderTree tree = new FolderTree(folders.list(agent.accountId()));
        ReadPage page = new ReadPage(first, tree, tree.byId(first.summary().folderId()).orElseThrow(), show,
                "text".equals(view), (Notice) model.get(Notice.ATTRIBUTE), ctx.lang());
        return new ModelAndView("mail/simple/read", Map.of("page", page));
    }

    boolean showsImagesOf(long accountId, MessageView view) {
        MailSettings settings = preferences.get(accountId);
        return settings.remoteImages() == MailSettings.RemoteImages.ALWAYS
                || (!view.from().isEmpty() && preferences.trustsSender(accountId, view.from().get(0).address()));
    }
}
