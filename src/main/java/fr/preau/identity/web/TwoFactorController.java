package fr.preau.identity.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.identity.Accounts;
import fr.preau.identity.Devices;
import fr.preau.identity.TwoFactor;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.platform.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /account/two-factor}: turning two-factor authentication on (QR code, secret, first
 * code), the recovery codes (shown once, regenerated with the password), the trusted
 * browsers (revocable), and turning it off with the password and a code. Everything is the
 * signed-in agent's own: the account id comes from the session, never from the form.
 */
@Controller
class TwoFactorController {

    static final String PATH = "/account/two-factor";

    private final TwoFactor twoFactor;
    private final Accounts accounts;

    TwoFactorController(TwoFactor twoFactor, Accounts accounts) {
        this.twoFactor = twoFactor;
        this.accounts = accounts;
    }

    @GetMapping(PATH)
    ModelAndView show(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(required = false) String notice) {
        String key = notice == null ? null : switch (notice) {
            case "disabled" -> "two-factor.notice.disabled";
            case "browser-revoked" -> "two-factor.notice.browser-revoked";
            case "browsers-revoked" -> "two-factor.notice.browsers-revoked";
            case "cancelled" -> "two-factor.notice.cancelled";
            default -> null;
        };
        return page(agent, null, key, new FieldErrors(), new FieldErrors(), 200);
    }

    @PostMapping(PATH + "/start")
    String start(@AuthenticationPrincipal AgentPrincipal agent, HttpServletRequest request) {
        if (twoFactor.pendingEnrollment(agent.accountId()).isEmpty()) {
            twoFactor.startEnrollment(agent.accountId(), ClientInfo.of(request));
        }
        return "redirect:" + PATH + "#setup";
    }

    @PostMapping(PATH + "/cancel")
    String cancel(@AuthenticationPrincipal AgentPrincipal agent) {
        twoFactor.cancelEnrollment(agent.accountId());
        return "redirect:" + PATH + "?notice=cancelled";
    }

    @PostMapping(PATH + "/confirm")
    ModelAndView confirm(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(defaultValue = "") String code,
                         HttpServletRequest request) {
        TwoFactor.Confirmation confirmation = twoFactor.confirm(agent.accountId(), code, ClientInfo.of(request));
        if (confirmation instanceof TwoFactor.Confirmation.Enabled enabled) {
            return page(agent, enabled.recoveryCodes(), "two-factor.notice.enabled", new FieldErrors(),
                    new FieldErrors(), 200);
        }
        return page(agent, null, null, errors(((TwoFactor.Confirmation.Refused) confirmation).error()),
                new FieldErrors(), 400);
    }

    @PostMapping(PATH + "/recovery-codes")
    ModelAndView regenerate(@AuthenticationPrincipal AgentPrincipal agent,
                            @RequestParam(defaultValue = "") String password, HttpServletRequest request) {
        FieldErrors errors = new FieldErrors();
        if (password.isEmpty()) {
            errors.add("password", "two-factor.error.password-missing");
            return page(agent, null, null, new FieldErrors(), errors, 400);
        }
        TwoFactor.Confirmation result = twoFactor.regenerateRecoveryCodes(agent.accountId(), password,
                ClientInfo.of(request));
        if (result instanceof TwoFactor.Confirmation.Enabled codes) {
            return page(agent, codes.recoveryCodes(), "two-factor.notice.codes-regenerated", new FieldErrors(),
                    new FieldErrors(), 200);
        }
        return page(agent, null, null, new FieldErrors(), errors(((TwoFactor.Confirmation.Refused) result).error()), 400);
    }

    @PostMapping(PATH + "/disable")
    ModelAndView disable(@AuthenticationPrincipal AgentPrincipal agent,
                         @RequestParam(name = "disable-password", defaultValue = "") String password,
                         @RequestParam(name = "disable-code", defaultValue = "") String code,
                         HttpServletRequest request) {
        List<UserError> problems = twoFactor.disable(agent.accountId(), password, code, ClientInfo.of(request));
        if (problems.isEmpty()) {
            return new ModelAndView("redirect:" + PATH + "?notice=disabled");
        }
        FieldErrors errors = new FieldErrors();
        problems.forEach(p -> errors.add(p.field() == null ? FieldErrors.GLOBAL : p.field(), p.key(), p.args()));
        return page(agent, null, null, new FieldErrors(), errors, 400);
    }

    @PostMapping(PATH + "/browsers/revoke")
    String revokeBrowser(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam long id,
                         HttpServletRequest request) {
        twoFactor.revokeTrustedBrowser(agent.accountId(), id, ClientInfo.of(request));
        return "redirect:" + PATH + "?notice=browser-revoked#browsers";
    }

    @PostMapping(PATH + "/browsers/revoke-all")
    String revokeBrowsers(@AuthenticationPrincipal AgentPrincipal agent, HttpServletRequest request) {
        twoFactor.revokeTrustedBrowsers(agent.accountId(), ClientInfo.of(request));
        return "redirect:" + PATH + "?notice=browsers-revoked#browsers";
    }

    /** The enrollment widget's model. */
    static TwoFactorSetup setup(TwoFactor.Enrollment enrollment, String account, String issuer, String action,
                                String cancelAction, FieldErrors errors) {
        return new TwoFactorSetup(QrCodeImage.dataUri(enrollment.uri()), enrollment.uri(), enrollment.secret(), account, issuer, action,
                cancelAction, errors);
    }

    private static FieldErrors errors(UserError error) {
        FieldErrors errors = new FieldErrors();
        errors.add(error.field() == null ? FieldErrors.GLOBAL : error.field(), error.key(), error.args());
        return errors;
    }

    /**
     * The page; {@code setupErrors} go with the enrollment form, {@code errors} with the forms of
     * an agent who has it on (recovery codes, turning off).
     */
    private ModelAndView page(AgentPrincipal agent, List<String> freshCodes, String notice, FieldErrors setupErrors,
                              FieldErrors errors, int status) {
        TwoFactor.Status state = twoFactor.status(agent.accountId());
        TwoFactorSetup setup = state.enabled() ? null : twoFactor.pendingEnrollment(agent.accountId())
                .map(e -> setup(e, accounts.byId(agent.accountId()).orElseThrow().email(), twoFactor.issuer(),
                        PATH + "/confirm", PATH + "/cancel", setupErrors))
                .orElse(null);
        if (!setupErrors.isEmpty() && setup == null) {
            errors = setupErrors;
        }
        List<TwoFactorPage.Browser> browsers = state.trustedBrowsers().stream()
                .map(b -> new TwoFactorPage.Browser(b.id(), Devices.describe(b.userAgent()), b.userAgent(), b.ip(),
                        b.createdAt(), b.expiresAt(), b.lastUsedAt()))
                .toList();
        ModelAndView view = new ModelAndView("identity/two-factor", Map.of("page",
                new TwoFactorPage(state, setup, freshCodes, browsers, notice, errors)));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }
}
