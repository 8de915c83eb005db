package fr.preau.identity.web;

import fr.preau.identity.Authentication;
import fr.preau.identity.InterfaceChoice;
import fr.preau.identity.LoginResult;
import fr.preau.identity.TwoFactor;
import fr.preau.platform.PreauProperties;
import fr.preau.platform.RateLimits;
import fr.preau.platform.web.ClientInfo;
import fr.preau.platform.web.FieldErrors;
import fr.preau.platform.web.LocalPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The login page: identifiant or address, password, and the interface to open. */
@Controller
class LoginController {

    static final String RENEWAL = "preau.renewal";

    private static final HttpSessionRequestCache REQUEST_CACHE = new HttpSessionRequestCache();

    private final Authentication authentication;
    private final TwoFactor twoFactor;
    private final SignIn signIn;
    private final RateLimits rateLimits;
    private final RateLimits.Limit perIp;
    private final Clock clock;

    LoginController(Authentication authentication, TwoFactor twoFactor, SignIn signIn, RateLimits rateLimits,
                    PreauProperties properties, Clock clock) {
        this.authentication = authentication;
        this.twoFactor = twoFactor;
        this.signIn = signIn;
        this.rateLimits = rateLimits;
        this.perIp = new RateLimits.Limit("login-ip", properties.login().perIpPerMinute(), Duration.ofMinutes(1));
        this.clock = clock;
    }

    @GetMapping("/login")
    ModelAndView form(@RequestParam(required = false) String notice,
                      @CookieValue(name = SignIn.INTERFACE_COOKIE, required = false) String remembered,
                      @RequestParam(required = false) String identifier, HttpServletRequest request) {
        if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid() && notice == null) {
            notice = "expired";
        }
        String noticeKey = notice == null ? null : switch (notice) {
            case "logout" -> "login.notice.logged-out";
            case "expired" -> "login.notice.expired";
            case "expired-draft-saved" -> "login.notice.expired-draft-saved";
            case "activated" -> "login.notice.activated";
            case "renewed" -> "login.notice.renewed";
            case "second-factor-expired" -> "second-factor.notice.expired";
            case "password-reset" -> "recovery.login-notice";
            default -> null;
        };
        return page(new LoginPage(identifier == null ? "" : identifier.strip(), InterfaceChoice.parse(remembered),
                noticeKey, new FieldErrors(), null), 200);
    }

    @PostMapping("/login")
    ModelAndView login(@RequestParam(defaultValue = "") String identifier,
                       @RequestParam(defaultValue = "") String password,
                       @RequestParam(name = "interface", defaultValue = "FULL") String interfaceName,
                       @CookieValue(name = TrustedBrowserCookie.NAME, required = false) String trustedBrowser,
                       HttpServletRequest request, HttpServletResponse response) {
        InterfaceChoice choice = InterfaceChoice.parse(interfaceName);
        String typed = identifier.strip();
        FieldErrors errors = new FieldErrors();
        if (typed.isEmpty()) {
            errors.add("identifier", "login.error.identifier-missing");
        }
        if (password.isEmpty()) {
            errors.add("password", "login.error.password-missing");
        }
        if (!errors.isEmpty()) {
            return page(new LoginPage(typed, choice, null, errors, null), 400);
        }
        ClientInfo client = ClientInfo.of(request);
        RateLimits.Verdict verdict = rateLimits.tryConsume(perIp, client.ip());
        if (!verdict.allowed()) {
            return page(new LoginPage(typed, choice, null, errors, new LoginPage.Failure(
                    LoginPage.Failure.Kind.RATE_LIMITED, null, Math.max(1, verdict.retryAfter().toMinutes()), null)), 429);
        }
        LoginResult result = authentication.authenticate(typed, password, choice, client, trustedBrowser);
        return switch (result) {
            case LoginResult.Success success -> {
                String target = target(request, response, choice);
                signIn.open(success.principal(), request, response);
                yield new ModelAndView("redirect:" + target);
            }
            case LoginResult.SecondFactorRequired required -> {
                halfWayIn(request, required.accountId(), choice, SecondFactorTicket.Stage.CODE);
                yield new ModelAndView("redirect:" + SecondFactorController.PATH);
            }
            case LoginResult.TwoFactorEnrollmentRequired required -> {
                halfWayIn(request, required.accountId(), choice, SecondFactorTicket.Stage.ENROLL);
                yield new ModelAndView("redirect:" + SecondFactorController.ENROLL);
            }
            case LoginResult.SecondFactorRefused refused -> {
                errors.global("login.error.bad-credentials");
                yield page(new LoginPage(typed, choice, null, errors, null), 401);
            }
            case LoginResult.AppPasswordRequired refused -> {
                errors.global("login.error.bad-credentials");
                yield page(new LoginPage(typed, choice, null, errors, null), 401);
            }
            case LoginResult.BadCredentials bad -> {
                errors.global("login.error.bad-credentials");
                yield page(new LoginPage(typed, choice, null, errors, null), 401);
            }
            case LoginResult.Locked locked -> page(new LoginPage(typed, choice, null, errors, new LoginPage.Failure(
                    LoginPage.Failure.Kind.LOCKED, locked.until(),
                    Math.max(1, (Duration.between(clock.instant(), locked.until()).toSeconds() + 59) / 60), null)), 423);
            case LoginResult.NotActivated n -> page(new LoginPage(typed, choice, null, errors,
                    new LoginPage.Failure(LoginPage.Failure.Kind.NOT_ACTIVATED, null, 0, null)), 403);
            case LoginResult.Suspended suspended -> page(new LoginPage(typed, choice, null, errors,
                    new LoginPage.Failure(LoginPage.Failure.Kind.SUSPENDED, null, 0, suspended.department())), 403);
            case LoginResult.Maintenance m -> page(new LoginPage(typed, choice, null, errors,
                    new LoginPage.Failure(LoginPage.Failure.Kind.MAINTENANCE, null, 0, null)), 503);
            case LoginResult.PasswordExpired expired -> {
                request.getSession(true).setAttribute(RENEWAL,
                        new RenewalTicket(expired.accountId(), choice, clock.instant().plus(Duration.ofMinutes(15))));
                yield new ModelAndView("redirect:/password/renew");
            }
        };
    }

    /** Where a login goes once the session is open: the page that sent the agent to log in, or their home. */
    static String target(HttpServletRequest request, HttpServletResponse response, InterfaceChoice choice) {
        SavedRequest saved = REQUEST_CACHE.getRequest(request, response);
        String target = saved != null && !saved.getRedirectUrl().contains("/error")
                ? LocalPaths.safe(java.net.URI.create(saved.getRedirectUrl()).getRawPath())
                : SignIn.home(choice);
        return "/".equals(target) ? SignIn.home(choice) : target;
    }

    /** The right password, and a step still to go: kept in a fresh session id, with no principal. */
    private void halfWayIn(HttpServletRequest request, long accountId, InterfaceChoice choice,
                           SecondFactorTicket.Stage stage) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SecondFactorTicket.ATTRIBUTE, new SecondFactorTicket(accountId, choice,
                clock.instant().plus(twoFactor.pendingLoginValidity()), stage));
    }

    @PostMapping("/logout")
    String logout(HttpServletRequest request) {
        signIn.close(request);
        return "redirect:/login?notice=logout";
    }

    static ModelAndView page(LoginPage page, int status) {
        ModelAndView view = new ModelAndView("identity/login", Map.of("page", page));
        view.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return view;
    }
}
