package fr.preau.identity.web;

import fr.preau.identity.ActivationResult;
import fr.preau.identity.FirstConnection;
import fr.preau.identity.Numen;
import fr.preau.identity.PasswordPolicy;
import fr.preau.platform.Captcha;
import fr.preau.platform.RateLimits;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.platform.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "J'initialise mon mot de passe": step one proves the agent's identity (identifiant +
 * activation code, or NUMEN when the letter is lost), step two sets the password and the
 * recovery contacts. Works without JavaScript; the strength meter and the captcha use it
 * when available.
 */
@Controller
class FirstConnectionController {

    static final String TICKET = "preau.activation";
    private static final RateLimits.Limit PER_IP = new RateLimits.Limit("activation-ip", 20, Duration.ofMinutes(10));

    private final FirstConnection firstConnection;
    private final PasswordPolicy policy;
    private final Captcha captcha;
    private final RateLimits rateLimits;
    private final Clock clock;

    FirstConnectionController(FirstConnection firstConnection, PasswordPolicy policy, Captcha captcha,
                              RateLimits rateLimits, Clock clock) {
        this.firstConnection = firstConnection;
        this.policy = policy;
        this.captcha = captcha;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    @GetMapping("/first-connection")
    ModelAndView proofForm(@RequestParam(defaultValue = "") String identifier) {
        return proofPage(identifier.strip(), new FieldErrors(), null, 200);
    }

    @PostMapping("/first-connection")
    ModelAndView proof(@RequestParam(defaultValue = "") String identifier, @RequestParam(defaultValue = "") String proof,
                       @RequestParam(required = false) String altcha, @RequestParam(required = false) String captchaStamp,
                       HttpServletRequest request) {
        String typed = identifier.strip();
        FieldErrors errors = new FieldErrors();
        if (typed.isEmpty()) {
            errors.add("identifier", "activation.error.identifier-missing");
        }
        if (proof.isBlank()) {
            errors.add("proof", "activation.error.proof-missing");
        }
        ClientInfo client = ClientInfo.of(request);
        if (errors.isEmpty() && !captcha.verify(altcha, captchaStamp, client.ip())) {
            errors.add("captcha", "captcha.failed");
        }
        if (!errors.isEmpty()) {
            return proofPage(typed, errors, null, 400);
        }
        RateLimits.Verdict verdict = rateLimits.tryConsume(PER_IP, client.ip());
        if (!verdict.allowed()) {
            return proofPage(typed, errors, new FirstConnectionPage.Outcome(FirstConnectionPage.Outcome.Kind.RATE_LIMITED,
                    null, Math.max(1, verdict.retryAfter().toMinutes()), null), 429);
        }
        FirstConnection.Method method = Numen.isValid(proof) ? FirstConnection.Method.NUMEN : FirstConnection.Method.CODE;
        ActivationResult result = firstConnection.verify(typed, proof, method, client);
        return switch (result) {
            case ActivationResult.Ticket ticket -> {
                HttpSession session = request.getSession(true);
                request.changeSessionId();
                session.setAttribute(TICKET, new ActivationTicket(ticket.accountId(), ticket.displayName(),
                        clock.instant().plus(Duration.ofMinutes(20))));
                yield new ModelAndView("redirect:/first-connection/password");
            }
            case ActivationResult.Invalid invalid -> {
                errors.global(method == FirstConnection.Method.NUMEN ? "activation.error.invalid-numen"
                        : "activation.error.invalid-code");
                yield proofPage(typed, errors, null, 401);
            }
            case ActivationResult.Locked locked -> proofPage(typed, errors, new FirstConnectionPage.Outcome(
                    FirstConnectionPage.Outcome.Kind.LOCKED, locked.until(),
                    Math.max(1, (Duration.between(clock.instant(), locked.until()).toSeconds() + 59) / 60), null), 423);
            case ActivationResult.CodeExpired expired -> outcome(typed, FirstConnectionPage.Outcome.Kind.CODE_EXPIRED,
                    expired.department());
            case ActivationResult.NumenNotAllowed notAllowed -> outcome(typed,
                    FirstConnectionPage.Outcome.Kind.NUMEN_NOT_ALLOWED, notAllowed.department());
            case ActivationResult.AlreadyActive active -> outcome(typed, FirstConnectionPage.Outcome.Kind.ALREADY_ACTIVE,
                    null);
            case ActivationResult.Suspended suspended -> outcome(typed, FirstConnectionPage.Outcome.Kind.SUSPENDED,
                    suspended.department());
        };
    }

    @GetMapping("/first-connection/password")
    ModelAndView passwordForm(HttpServletRequest request) {
        ActivationTicket ticket = ticket(request);
        if (ticket == null) {
            return new ModelAndView("redirect:/first-connection");
        }
        return passwordPage(new FirstConnectionPage.Password(ticket.displayName(),
                firstConnection.loginOf(ticket.accountId()), "", "", new FieldErrors(),
                policy.evaluate("", firstConnection.policyFor(ticket.accountId()))), 200);
    }

    @PostMapping("/first-connection/password")
    ModelAndView password(@RequestParam(defaultValue = "") String password,
                          @RequestParam(defaultValue = "") String confirmation,
                          @RequestParam(defaultValue = "") String backupEmail,
                          @RequestParam(defaultValue = "") String mobile,
                          HttpServletRequest request) {
        ActivationTicket ticket = ticket(request);
        if (ticket == null) {
            return new ModelAndView("redirect:/first-connection");
        }
        List<UserError> problems = firstConnection.complete(ticket.accountId(), password, confirmation, backupEmail,
                mobile, ClientInfo.of(request));
        if (!problems.isEmpty()) {
            FieldErrors errors = new FieldErrors();
            problems.forEach(p -> errors.add(p.field() == null ? FieldErrors.GLOBAL : p.field(), p.key(), p.args()));
            // the password is not sent back, so the meter starts again from empty
            return passwordPage(new FirstConnectionPage.Password(ticket.displayName(),
                    firstConnection.loginOf(ticket.accountId()), backupEmail.strip(), mobile.strip(),
                    errors, policy.evaluate("", firstConnection.policyFor(ticket.accountId()))), 400);
        }
        request.getSession().removeAttribute(TICKET);
        String login = firstConnection.loginOf(ticket.accountId());
        return new ModelAndView("redirect:/login?notice=activated&identifier="
                + URLEncoder.encode(login, StandardCharsets.UTF_8));
    }

    private ActivationTicket ticket(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(TICKET) instanceof ActivationTicket ticket
                && ticket.expiresAt().isAfter(clock.instant())) {
            return ticket;
        }
        return null;
    }

    private ModelAndView outcome(String identifier, FirstConnectionPage.Outcome.Kind kind,
                                 fr.preau.tenancy.Department department) {
        return proofPage(identifier, new FieldErrors(), new FirstConnectionPage.Outcome(kind, null, 0, department), 403);
    }

    private ModelAndView proofPage(String identifier, FieldErrors errors, FirstConnectionPage.Outcome outcome, int status) {
        ModelAndView view = new ModelAndView("identity/first-connection", Map.of("page",
                new FirstConnectionPage.Proof(identifier, errors, outcome, captcha.enabled(), captcha.formStamp())));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }

    private static ModelAndView passwordPage(FirstConnectionPage.Password page, int status) {
        ModelAndView view = new ModelAndView("identity/first-connection-password", Map.of("page", page));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }
}
