package fr.preau.identity.web;

import fr.preau.identity.Authentication;
import fr.preau.identity.InterfaceChoice;
import fr.preau.identity.LoginResult;
import fr.preau.identity.Accounts;
import fr.preau.identity.TwoFactor;
import fr.preau.platform.PreauProperties;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.platform.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
 * The login's second step, after a right password: a TOTP code or a recovery code, and
 * "trust this browser"; or, for an agent whose role requires two-factor authentication and
 * who has not set it up, the forced enrollment. Works from the {@link SecondFactorTicket} in
 * the session; the session is opened only at the end.
 */
@Controller
class SecondFactorController {

    static final String PATH = "/login/second-factor";
    static final String ENROLL = PATH + "/enroll";
    static final String CONTINUE = PATH + "/continue";
    static final String CANCEL = PATH + "/cancel";
    private static final String EXPIRED = "redirect:/login?notice=second-factor-expired";

    private final Authentication authentication;
    private final TwoFactor twoFactor;
    private final Accounts accounts;
    private final SignIn signIn;
    private final boolean secureCookies;
    private final Clock clock;

    SecondFactorController(Authentication authentication, TwoFactor twoFactor, Accounts accounts,
                           SignIn signIn, PreauProperties properties, Clock clock) {
        this.authentication = authentication;
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.signIn = signIn;
        this.secureCookies = properties.web().secureCookies();
        this.clock = clock;
    }

    @GetMapping(PATH)
    ModelAndView form(HttpServletRequest request) {
        SecondFactorTicket ticket = ticket(request, SecondFactorTicket.Stage.CODE);
        if (ticket == null) {
            return new ModelAndView(EXPIRED);
        }
        return page(new FieldErrors(), false, 200);
    }

    @PostMapping(PATH)
    ModelAndView verify(@RequestParam(defaultValue = "") String code, @RequestParam(required = false) String trust,
                        HttpServletRequest request, HttpServletResponse response) {
        SecondFactorTicket ticket = ticket(request, SecondFactorTicket.Stage.CODE);
        if (ticket == null) {
            return new ModelAndView(EXPIRED);
        }
        boolean trustThis = trust != null;
        FieldErrors errors = new FieldErrors();
        if (code.isBlank()) {
            errors.add("code", "two-factor.error.code-missing");
            return page(errors, trustThis, 400);
        }
        ClientInfo client = ClientInfo.of(request);
        LoginResult result = authentication.completeSecondFactor(ticket.accountId(), code, ticket.interfaceChoice(), client);
        return switch (result) {
            case LoginResult.Locked locked -> {
                errors.add("code", "two-factor.error.locked", twoFactor.minutesUntil(locked.until()));
                yield page(errors, trustThis, 423);
            }
            case LoginResult.SecondFactorRefused refused -> {
                UserError error = twoFactor.codeError("code", new TwoFactor.Check(refused.verification(), null));
                errors.add("code", error.key(), error.args());
                yield page(errors, trustThis, 401);
            }
            default -> {
                if (trustThis && (result instanceof LoginResult.Success || result instanceof LoginResult.PasswordExpired)) {
                    TrustedBrowserCookie.set(response, twoFactor.trustBrowser(ticket.accountId(), client),
                            twoFactor.trustedBrowserLifetime(), secureCookies);
                }
                yield onward(result, ticket.interfaceChoice(), request, response);
            }
        };
    }

    @GetMapping(ENROLL)
    ModelAndView enrollment(HttpServletRequest request) {
        SecondFactorTicket ticket = ticket(request, SecondFactorTicket.Stage.ENROLL);
        if (ticket == null) {
            return new ModelAndView(EXPIRED);
        }
        ClientInfo client = ClientInfo.of(request);
        TwoFactor.Enrollment enrollment = twoFactor.pendingEnrollment(ticket.accountId())
                .or(() -> twoFactor.startEnrollment(ticket.accountId(), client))
                .orElse(null);
        if (enrollment == null) {
            // turned on meanwhile (another tab): the code step applies
            request.getSession().setAttribute(SecondFactorTicket.ATTRIBUTE, ticket.at(SecondFactorTicket.Stage.CODE));
            return new ModelAndView("redirect:" + PATH);
        }
        return enrollmentPage(ticket, enrollment, new FieldErrors(), null, 200);
    }

    @PostMapping(ENROLL)
    ModelAndView confirm(@RequestParam(defaultValue = "") String code, HttpServletRequest request) {
        SecondFactorTicket ticket = ticket(request, SecondFactorTicket.Stage.ENROLL);
        if (ticket == null) {
            return new ModelAndView(EXPIRED);
        }
        TwoFactor.Confirmation confirmation = twoFactor.confirm(ticket.accountId(), code, ClientInfo.of(request));
        if (confirmation instanceof TwoFactor.Confirmation.Enabled enabled) {
            request.getSession().setAttribute(SecondFactorTicket.ATTRIBUTE, ticket.at(SecondFactorTicket.Stage.ENROLLED));
            return enrollmentPage(ticket, null, new FieldErrors(), enabled.recoveryCodes(), 200);
        }
        UserError error = ((TwoFactor.Confirmation.Refused) confirmation).error();
        FieldErrors errors = new FieldErrors();
        errors.add(error.field() == null ? FieldErrors.GLOBAL : error.field(), error.key(), error.args());
        TwoFactor.Enrollment enrollment = twoFactor.pendingEnrollment(ticket.accountId()).orElse(null);
        if (enrollment == null) {
            return new ModelAndView("redirect:" + ENROLL);
        }
        return enrollmentPage(ticket, enrollment, errors, null, 400);
    }

    @PostMapping(CONTINUE)
    ModelAndView proceed(HttpServletRequest request, HttpServletResponse response) {
        SecondFactorTicket ticket = ticket(request, SecondFactorTicket.Stage.ENROLLED);
        if (ticket == null) {
            return new ModelAndView(EXPIRED);
        }
        LoginResult result = authentication.completeEnrollment(ticket.accountId(), ticket.interfaceChoice(),
                ClientInfo.of(request));
        return onward(result, ticket.interfaceChoice(), request, response);
    }

    @PostMapping(CANCEL)
    String cancel(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SecondFactorTicket.ATTRIBUTE);
        }
        return "redirect:/login";
    }

    /** After the step: the session opens, or the expired password is renewed first, or the refusal is shown. */
    private ModelAndView onward(LoginResult result, InterfaceChoice choice, HttpServletRequest request,
                                HttpServletResponse response) {
        request.getSession().removeAttribute(SecondFactorTicket.ATTRIBUTE);
        FieldErrors none = new FieldErrors();
        return switch (result) {
            case LoginResult.Success success -> {
                String target = LoginController.target(request, response, choice);
                signIn.open(success.principal(), request, response);
                yield new ModelAndView("redirect:" + target);
            }
            case LoginResult.PasswordExpired expired -> {
                request.getSession().setAttribute(LoginController.RENEWAL,
                        new RenewalTicket(expired.accountId(), choice, clock.instant().plus(Duration.ofMinutes(15))));
                yield new ModelAndView("redirect:/password/renew");
            }
            case LoginResult.Suspended suspended -> LoginController.page(new LoginPage("", choice, null, none,
                    new LoginPage.Failure(LoginPage.Failure.Kind.SUSPENDED, null, 0, suspended.department())), 403);
            case LoginResult.Maintenance m -> LoginController.page(new LoginPage("", choice, null, none,
                    new LoginPage.Failure(LoginPage.Failure.Kind.MAINTENANCE, null, 0, null)), 503);
            default -> new ModelAndView(EXPIRED);
        };
    }

    private SecondFactorTicket ticket(HttpServletRequest request, SecondFactorTicket.Stage stage) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SecondFactorTicket.ATTRIBUTE) instanceof SecondFactorTicket ticket
                && ticket.stage() == stage && ticket.expiresAt().isAfter(clock.instant())) {
            return ticket;
        }
        return null;
    }

    private ModelAndView page(FieldErrors errors, boolean trust, int status) {
        ModelAndView view = new ModelAndView("identity/second-factor", Map.of("page",
                new SecondFactorPage(errors, trust, twoFactor.trustedBrowserLifetime().toDays())));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }

    private ModelAndView enrollmentPage(SecondFactorTicket ticket, TwoFactor.Enrollment enrollment, FieldErrors errors,
                                        List<String> recoveryCodes, int status) {
        var account = accounts.byId(ticket.accountId()).orElseThrow();
        TwoFactorSetup setup = enrollment == null ? null : TwoFactorController.setup(enrollment, account.email(),
                twoFactor.issuer(), ENROLL, CANCEL, errors);
        ModelAndView view = new ModelAndView("identity/second-factor-enroll", Map.of("page",
                new ForcedEnrollmentPage(account.displayName(), setup, recoveryCodes)));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }
}
