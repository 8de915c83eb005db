package fr.preau.mail.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MailReading;
import fr.preau.mail.MessageSummary;
import fr.preau.platform.web.PageContext;
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
 * Reading a message in the simplified interface (and the print view and full headers of both).
 * Opening it marks it read; remote images stay blocked unless the user asks for them (this
 * once, or always for this sender) or shows them always in the settings.
 */
@Controller
class SimpleReadController {

    private final MailMessages messages;
    private final MailReading reading;
    private final ReadPages pages;

    SimpleReadController(MailMessages messages, MailReading reading, ReadPages pages) {
        this.messages = messages;
        this.reading = reading;
        this.pages = pages;
    }

    @GetMapping("/simple/mail/message/{id}")
    ModelAndView read(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id,
                      @RequestParam(defaultValue = "false") boolean images, @RequestParam(required = false) String view,
                      @ModelAttribute("ctx") PageContext ctx, Map<String, Object> model) {
        pages.markRead(agent.accountId(), id);
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

    @GetMapping({"/simple/mail/message/{id}/headers", "/app/mail/message/{id}/headers"})
    ModelAndView headers(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id) {
        MessageSummary summary = messages.get(agent.accountId(), id);
        return new ModelAndView("mail/simple/headers", Map.of("summary", summary,
                "headers", reading.headersText(agent.accountId(), id),
                "back", (agent.simplifiedInterface() ? "/simple" : "/app") + "/mail/message/" + id));
    }

    @PostMapping({"/simple/mail/message/{id}/trust-sender", "/app/mail/message/{id}/trust-sender"})
    String trustSender(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id, RedirectAttributes redirect) {
        pages.trustSenderOf(agent.accountId(), id, address ->
                redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("webmail.read.sender-trusted", address)));
        return "redirect:" + (agent.simplifiedInterface() ? "/simple" : "/app") + "/mail/message/" + id;
    }

    private ModelAndView page(AgentPrincipal agent, long id, String path, boolean images, String view, PageContext ctx,
                              Map<String, Object> model) {
        ReadPage page = pages.build("/simple", agent.accountId(), id, path, images, view,
                (Notice) model.get(Notice.ATTRIBUTE), ctx.lang(), false);
        return new ModelAndView("mail/simple/read", Map.of("page", page));
    }
}
