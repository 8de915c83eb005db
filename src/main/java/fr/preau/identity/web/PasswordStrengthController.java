package fr.preau.identity.web;

import fr.preau.identity.FirstConnection;
import fr.preau.identity.PasswordPolicy;
import fr.preau.identity.PasswordRenewal;
import fr.preau.platform.RateLimits;
import fr.preau.platform.web.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Je teste la robustesse de mon mot de passe": the standalone page (works without
 * JavaScript: the form posts and the page shows the verdict), and the fragment that the
 * password fields refresh as the agent types. The password is evaluated on the server and
 * never stored or logged.
 */
@Controller
class PasswordStrengthController {

    private static final RateLimits.Limit PER_IP = new RateLimits.Limit("strength-ip", 120, Duration.ofMinutes(1));

    private final PasswordPolicy policy;
    private final FirstConnection firstConnection;
    private final PasswordRenewal renewal;
    private final RateLimits rateLimits;
    private final Clock clock;

    PasswordStrengthController(PasswordPolicy policy, FirstConnection firstConnection, PasswordRenewal renewal,
                               RateLimits rateLimits, Clock clock) {
        this.policy = policy;
        this.firstConnection = firstConnection;
        this.renewal = renewal;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }


    @GetMapping("/password-strength")
    ModelAndView page() {
        return new ModelAndView("identity/password-strength",
                Map.of("page", new StrengthPage(null, policy.evaluate("", PasswordPolicy.Context.ANONYMOUS))));
    }

    @PostMapping("/password-strength")
    ModelAndView test(@RequestParam(defaultValue = "") String password, HttpServletRequest request) {
        if (!rateLimits.tryConsume(PER_IP, ClientInfo.of(request).ip()).allowed()) {
            return tooMany();
        }
        PasswordPolicy.Evaluation empty = policy.evaluate("", PasswordPolicy.Context.ANONYMOUS);
        return new ModelAndView("identity/password-strength", Map.of("page", new StrengthPage(
                password.isEmpty() ? null : policy.evaluate(password, PasswordPolicy.Context.ANONYMOUS), empty)));
    }

    @PostMapping("/password-strength/meter")
    ModelAndView meter(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String context,
                       HttpServletRequest request) {
        if (!rateLimits.tryConsume(PER_IP, ClientInfo.of(request).ip()).allowed()) {
            return tooMany();
        }
        return new ModelAndView("identity/strength-meter",
                Map.of("evaluation", policy.evaluate(password, contextOf(context, request))));
    }

    private PasswordPolicy.Context contextOf(String context, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return PasswordPolicy.Context.ANONYMOUS;
        }
        if ("activation".equals(context) && session.getAttribute(FirstConnectionController.TICKET) instanceof ActivationTicket t
                && t.expiresAt().isAfter(clock.instant())) {
            return firstConnection.policyFor(t.accountId());
        }
        if ("settings".equals(context)
                && org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication() != null
                && org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                        .getPrincipal() instanceof fr.preau.identity.AgentPrincipal agent) {
            return renewal.policyFor(agent.accountId());
        }
        if ("renewal".equals(context) && session.getAttribute(LoginController.RENEWAL) instanceof RenewalTicket t
                && t.expiresAt().isAfter(clock.instant())) {
            return renewal.policyFor(t.accountId());
        }
        return PasswordPolicy.Context.ANONYMOUS;
    }

    private static ModelAndView tooMany() {
        ModelAndView view = new ModelAndView("platform/error", Map.of("status", 429, "kind", "429"));
        view.setStatus(HttpStatusCode.valueOf(429));
        return view;
    }
}
