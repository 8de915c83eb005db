package fr.preau.portal.helpdesk.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.platform.web.FieldErrors;
import fr.preau.portal.helpdesk.EntryKind;
import fr.preau.portal.helpdesk.HelpDeskRequest;
import fr.preau.portal.helpdesk.RequestStatus;
import fr.preau.portal.helpdesk.SupportConsole;
import fr.preau.portal.helpdesk.SupportScope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The support console ({@code /support}): the requests of the support agent's département
 * (an administrator's: the whole académie), a request with the accounts it describes, and the
 * actions. The scope is worked out from the account on every request; anyone else, and any
 * request or account outside the scope, gets the same "not found" page, whatever the URL.
 */
@Controller
class SupportConsoleController {

    static final String HOME = "/support";
    static final String REQUEST = "/support/requests/";

    private final SupportConsole console;
    private final LetterSheets letters;
    private final ResetLinks resetLinks;

    SupportConsoleController(SupportConsole console, LetterSheets letters, ResetLinks resetLinks) {
        this.console = console;
        this.letters = letters;
        this.resetLinks = resetLinks;
    }

    @GetMapping(HOME)
    ModelAndView list(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(defaultValue = "open") String status) {
        SupportScope scope = scope(agent);
        Set<RequestStatus> statuses = statuses(status);
        String filter = statuses.equals(RequestStatus.OPEN) ? "open"
                : statuses.size() == RequestStatus.values().length ? "all" : statuses.iterator().next().name();
        List<HelpDeskRequest> requests = console.list(scope, statuses);
        List<ConsoleListPage.Row> rows = new ArrayList<>(requests.size());
        for (HelpDeskRequest r : requests) {
            rows.add(new ConsoleListPage.Row(r, console.department(r.departmentId())));
        }
        return new ModelAndView("portal/helpdesk/console", Map.of("page",
                new ConsoleListPage(console.scopeName(scope), scope.wholeAcademy(), filter, console.counts(scope), rows)));
    }

    @GetMapping(REQUEST + "{reference}")
    ModelAndView show(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable String reference,
                      HttpServletRequest request, Model model) {
        SupportScope scope = scope(agent);
        SupportConsole.RequestPage page = console.open(scope, reference, ClientInfo.of(request)).orElseThrow(this::notFound);
        ConsoleFlash flash = model.getAttribute("flash") instanceof ConsoleFlash f ? f : null;
        return requestPage(page, flash, new FieldErrors(), "", EntryKind.ANSWER.name(),
                page.request().status().name(), 200);
    }

    @PostMapping(REQUEST + "{reference}/identity-check")
    String checkIdentity(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable String reference,
                         @RequestParam(defaultValue = "0") long account, @RequestParam(defaultValue = "") String numen,
                         HttpServletRequest request, RedirectAttributes redirect) {
        SupportScope scope = scope(agent);
        SupportConsole.Check check = console.checkNumen(scope, reference, account, numen, ClientInfo.of(request))
                .orElseThrow(this::notFound);
        redirect.addFlashAttribute("flash", switch (check) {
            case MATCH -> ConsoleFlash.success(account, "hd.check.match");
            case NO_MATCH -> ConsoleFlash.error(account, "hd.check.no-match");
            case TOO_MANY_ATTEMPTS -> ConsoleFlash.error(account, "hd.check.too-many");
        });
        return redirectTo(reference, "account-" + account);
    }

    @PostMapping(REQUEST + "{reference}/letter")
    ModelAndView letter(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable String reference,
                        @RequestParam(defaultValue = "0") long account,
                        @RequestParam(defaultValue = "false") boolean confirmReinitialisation,
                        HttpServletRequest request, RedirectAttributes redirect) {
        SupportScope scope = scope(agent);
        SupportConsole.LetterResult result = console.issueLetter(scope, reference, account, confirmReinitialisation,
                ClientInfo.of(request)).orElseThrow(this::notFound);
        ConsoleFlash flash = switch (result) {
            case SupportConsole.LetterResult.Issued issued -> null;
            case SupportConsole.LetterResult.IdentityNotChecked x -> ConsoleFlash.error(account, "hd.letter.check-first");
            case SupportConsole.LetterResult.ConfirmationNeeded x -> ConsoleFlash.error(account, "hd.letter.confirm-needed");
            case SupportConsole.LetterResult.Refused refused -> ConsoleFlash.error(account, refused.error().key());
        };
        if (result instanceof SupportConsole.LetterResult.Issued issued) {
            return new ModelAndView("portal/helpdesk/letter", Map.of("page",
                    letters.sheet(issued.letter(), reference)));
        }
        redirect.addFlashAttribute("flash", flash);
        return new ModelAndView(redirectTo(reference, "account-" + account));
    }

    @PostMapping(REQUEST + "{reference}/reset-link")
    String resetLink(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable String reference,
                     @RequestParam(defaultValue = "0") long account, HttpServletRequest request,
                     RedirectAttributes redirect) {
        SupportScope scope = scope(agent);
        SupportConsole.RequestPage page = console.forAction(scope, reference).orElseThrow(this::notFound);
        SupportConsole.Match match = page.match(account).orElseThrow(this::notFound);
        ClientInfo client = ClientInfo.of(request);
        ResetLinks.Outcome outcome = resetLinks.send(match.account().id(), scope.actor(), client);
        console.recordResetLink(scope, page.request(), match.account(), outcome.sent(), outcome.code(), client);
        redirect.addFlashAttribute("flash", outcome.sent()
                ? ConsoleFlash.success(account, outcome.messageKey())
                : ConsoleFlash.error(account, outcome.messageKey()));
        return redirectTo(reference, "account-" + account);
    }

    @PostMapping(REQUEST + "{reference}/two-factor-off")
    String twoFactorOff(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable String reference,
                        @RequestParam(defaultValue = "0") long account, HttpServletRequest request,
                        RedirectAttributes redirect) {
        SupportScope scope = scope(agent);
        SupportConsole.TwoFactorResult result = console.disableTwoFactor(scope, reference, account, ClientInfo.of(request))
                .orElseThrow(this::notFound);
        redirect.addFlashAttribute("flash", switch (result) {
            case DISABLED -> ConsoleFlash.success(account, "hd.two-factor.disabled");
            case IDENTITY_NOT_CHECKED -> ConsoleFlash.error(account, "hd.letter.check-first");
            case NOT_ON -> ConsoleFlash.error(account, "hd.two-factor.not-on");
        });
        return redirectTo(reference, "account-" + account);
    }

    @PostMapping(REQUEST + "{reference}/reply")
    ModelAndView reply(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable String reference,
                       @RequestParam(defaultValue = "ANSWER") String kind, @RequestParam(defaultValue = "") String reply,
                       @RequestParam(defaultValue = "") String status, HttpServletRequest request,
                       RedirectAttributes redirect) {
        SupportScope scope = scope(agent);
        ClientInfo client = ClientInfo.of(request);
        EntryKind entryKind = "NOTE".equals(kind) ? EntryKind.NOTE : EntryKind.ANSWER;
        RequestStatus next = parseStatus(status);
        List<UserError> problems = console.reply(scope, reference, entryKind, reply, next, client)
                .orElseThrow(this::notFound);
        if (!problems.isEmpty()) {
            SupportConsole.RequestPage page = console.forAction(scope, reference).orElseThrow(this::notFound);
            return requestPage(page, null, HelpDeskController.errors(problems), reply, entryKind.name(),
                    next == null ? page.request().status().name() : next.name(), 400);
        }
        redirect.addFlashAttribute("flash", ConsoleFlash.success(null,
                entryKind == EntryKind.NOTE ? "hd.reply.noted" : "hd.reply.sent"));
        return new ModelAndView(redirectTo(reference, "history"));
    }

    // ---- helpers

    private SupportScope scope(AgentPrincipal agent) {
        if (agent == null) {
            throw notFound();
        }
        return console.scopeOf(agent.accountId()).orElseThrow(this::notFound);
    }

    private ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private ModelAndView requestPage(SupportConsole.RequestPage page, ConsoleFlash flash, FieldErrors errors,
                                     String replyText, String replyKind, String replyStatus, int status) {
        ModelAndView view = new ModelAndView("portal/helpdesk/console-request", Map.of("page",
                new ConsoleRequestPage(page, flash, errors, replyText, replyKind, replyStatus)));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }

    private static String redirectTo(String reference, String anchor) {
        return "redirect:" + REQUEST + fr.preau.portal.helpdesk.References.normalizeReference(reference) + "#" + anchor;
    }

    private static Set<RequestStatus> statuses(String filter) {
        if ("all".equals(filter)) {
            return EnumSet.allOf(RequestStatus.class);
        }
        RequestStatus one = parseStatus(filter);
        return one == null ? RequestStatus.OPEN : EnumSet.of(one);
    }

    private static RequestStatus parseStatus(String value) {
        for (RequestStatus s : RequestStatus.values()) {
            if (s.name().equals(value.toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }
}
