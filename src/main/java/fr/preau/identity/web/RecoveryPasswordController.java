package fr.preau.identity.web;

import fr.preau.identity.Account;
import fr.preau.identity.PasswordPolicy;
import fr.preau.identity.Recovery;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.platform.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where every recovery ends: the reset link (self-service e-mail or help desk), which works in any
 * browser since the link is the proof, and the "choose your new password" page, with the policy
 * and the strength meter of the first connection. Saving the password is the first change made
 * to the account; the login page follows.
 */
@Controller
class RecoveryPasswordController {

    private final Recovery recovery;
    private final PasswordPolicy policy;
    private final Clock clock;

    RecoveryPasswordController(Recovery recovery, PasswordPolicy policy, Clock clock) {
        this.recovery = recovery;
        this.policy = policy;
        this.clock = clock;
    }

    /** Opening the link only shows it: a mail scanner fetching it does not use it up. */
    @GetMapping(Recovery.LINK_PATH + "{token}")
    ModelAndView link(@PathVariable String token) {
        return linkPage(token, recovery.checkLink(token));
    }

    @PostMapping(Recovery.LINK_PATH + "{token}")
    ModelAndView useLink(@PathVariable String token, HttpServletRequest request) {
        Recovery.LinkCheck check = recovery.useLink(token, ClientInfo.of(request));
        if (check instanceof Recovery.LinkCheck.Valid valid) {
            request.getSession(true);
            request.changeSessionId();
            Account account = recovery.account(valid.accountId());
            RecoveryController.store(request, RecoveryTicket.proven(account.id(), account.login(), valid.proof(),
                    clock.instant().plus(RecoveryController.TO_FINISH)));
            return new ModelAndView("redirect:/recovery/password");
        }
        return linkPage(token, check);
    }

    @GetMapping("/recovery/password")
    ModelAndView form(HttpServletRequest request) {
        RecoveryTicket ticket = RecoveryController.ticketOf(request, clock);
        if (ticket == null) {
            return RecoveryController.expired(request);
        }
        if (ticket.stage() != RecoveryTicket.Stage.PASSWORD) {
            return RecoveryController.next(ticket);
        }
        return page(ticket, new FieldErrors(), 200);
    }

    @PostMapping("/recovery/password")
    ModelAndView save(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
                      HttpServletRequest request) {
        RecoveryTicket ticket = RecoveryController.ticketOf(request, clock);
        if (ticket == null) {
            return RecoveryController.expired(request);
        }
        if (ticket.stage() != RecoveryTicket.Stage.PASSWORD) {
            return RecoveryController.next(ticket);
        }
        long accountId = ticket.claim().accountId();
        List<UserError> problems = recovery.reset(accountId, password, confirmation, ticket.proof(), ClientInfo.of(request));
        if (!problems.isEmpty()) {
            FieldErrors errors = new FieldErrors();
            problems.forEach(p -> errors.add(p.field() == null ? FieldErrors.GLOBAL : p.field(), p.key(), p.args()));
            return page(ticket, errors, 400);
        }
        request.getSession().removeAttribute(RecoveryController.TICKET);
        return new ModelAndView("redirect:/login?notice=password-reset&identifier="
                + URLEncoder.encode(recovery.account(accountId).login(), StandardCharsets.UTF_8));
    }

    private ModelAndView page(RecoveryTicket ticket, FieldErrors errors, int status) {
        long accountId = ticket.claim().accountId();
        Account account = recovery.account(accountId);
        // the password is not sent back, so the meter starts again from empty
        return RecoveryController.view("identity/recovery-password", new RecoveryPage.Password(account.displayName(),
                account.login(), ticket.maskedTarget(),
                ticket.method() == null ? 0 : ticket.method() == Recovery.Method.QUESTIONS ? 3 : 2, errors, policy.evaluate("", recovery.policyFor(accountId))), status);
    }

    private ModelAndView linkPage(String token, Recovery.LinkCheck check) {
        RecoveryPage.Link page = switch (check) {
            case Recovery.LinkCheck.Valid valid -> new RecoveryPage.Link(token, RecoveryPage.LinkState.VALID,
                    recovery.account(valid.accountId()).login(), 0);
            case Recovery.LinkCheck.Expired expired -> new RecoveryPage.Link(null, RecoveryPage.LinkState.EXPIRED, null, 0);
            case Recovery.LinkCheck.Used used -> new RecoveryPage.Link(null, RecoveryPage.LinkState.USED, null, 0);
            case Recovery.LinkCheck.Unknown unknown -> new RecoveryPage.Link(null, RecoveryPage.LinkState.UNKNOWN, null, 0);
            case Recovery.LinkCheck.Limited limited -> new RecoveryPage.Link(null, RecoveryPage.LinkState.LIMITED, null,
                    RecoveryController.minutes(limited.retryAfter()));
        };
        return RecoveryController.view("identity/recovery-link", page, page.state() == RecoveryPage.LinkState.VALID ? 200
                : page.state() == RecoveryPage.LinkState.LIMITED ? 429 : 410);
    }
}
