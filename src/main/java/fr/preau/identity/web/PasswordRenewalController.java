package fr.preau.identity.web;

import fr.preau.identity.Authentication;
import fr.preau.identity.PasswordPolicy;
import fr.preau.identity.PasswordRenewal;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.platform.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The forced renewal of an expired password, right after a login with the old one: the
 * agent chooses a new password (policy and strength as at the first connection) and goes
 * on to their interface.
 */
@Controller
class PasswordRenewalController {

    private final PasswordRenewal renewal;
    private final PasswordPolicy policy;
    private final Authentication authentication;
    private final SignIn signIn;
    private final Clock clock;

    PasswordRenewalController(PasswordRenewal renewal, PasswordPolicy policy, Authentication authentication,
                              SignIn signIn, Clock clock) {
        this.renewal = renewal;
        this.policy = policy;
        this.authentication = authentication;
        this.signIn = signIn;
        this.clock = clock;
    }


    @GetMapping("/password/renew")
    ModelAndView form(HttpServletRequest request) {
        RenewalTicket ticket = ticket(request);
        if (ticket == null) {
            return new ModelAndView("redirect:/login?notice=expired");
        }
        var account = renewal.account(ticket.accountId());
        return page(new RenewalPage(account.displayName(), account.login(), new FieldErrors(),
                policy.evaluate("", renewal.policyFor(ticket.accountId()))), 200);
    }

    @PostMapping("/password/renew")
    ModelAndView renew(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
                       HttpServletRequest request, HttpServletResponse response) {
        RenewalTicket ticket = ticket(request);
        if (ticket == null) {
            return new ModelAndView("redirect:/login?notice=expired");
        }
        ClientInfo client = ClientInfo.of(request);
        List<UserError> problems = renewal.renew(ticket.accountId(), password, confirmation, client);
        if (!problems.isEmpty()) {
            FieldErrors errors = new FieldErrors();
            problems.forEach(p -> errors.add(p.field() == null ? FieldErrors.GLOBAL : p.field(), p.key(), p.args()));
            var account = renewal.account(ticket.accountId());
            return page(new RenewalPage(account.displayName(), account.login(), errors,
                    policy.evaluate("", renewal.policyFor(ticket.accountId()))), 400);
        }
        request.getSession().removeAttribute(LoginController.RENEWAL);
        signIn.open(authentication.signInAfterRenewal(ticket.accountId(), ticket.interfaceChoice(), client),
                request, response);
        return new ModelAndView("redirect:" + SignIn.home(ticket.interfaceChoice()));
    }

    private RenewalTicket ticket(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(LoginController.RENEWAL) instanceof RenewalTicket ticket
                && ticket.expiresAt().isAfter(clock.instant())) {
            return ticket;
        }
        return null;
    }

    private static ModelAndView page(RenewalPage page, int status) {
        ModelAndView view = new ModelAndView("identity/password-renew", Map.of("page", page));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }
}
