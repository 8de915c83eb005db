package fr.preau.identity.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.identity.AppPasswords;
import fr.preau.identity.TwoFactor;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.platform.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /account/app-passwords}: the passwords of the agent's mail clients once two-factor
 * authentication is on. A new one is shown once, right after it is made; the list shows the
 * last use of each, and each can be revoked. Only the signed-in agent's own are ever listed
 * or revoked.
 */
@Controller
class AppPasswordsController {

    static final String PATH = "/account/app-passwords";

    private final AppPasswords appPasswords;
    private final TwoFactor twoFactor;

    AppPasswordsController(AppPasswords appPasswords, TwoFactor twoFactor) {
        this.appPasswords = appPasswords;
        this.twoFactor = twoFactor;
    }

    @GetMapping(PATH)
    ModelAndView list(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(required = false) String notice) {
        return page(agent, null, "", "revoked".equals(notice) ? "app-passwords.notice.revoked" : null,
                new FieldErrors(), 200);
    }

    @PostMapping(PATH)
    ModelAndView create(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(defaultValue = "") String name,
                        HttpServletRequest request) {
        AppPasswords.Creation creation = appPasswords.create(agent.accountId(), name, ClientInfo.of(request));
        if (creation instanceof AppPasswords.Creation.Created created) {
            return page(agent, created, "", null, new FieldErrors(), 200);
        }
        UserError error = ((AppPasswords.Creation.Refused) creation).error();
        FieldErrors errors = new FieldErrors();
        errors.add(error.field() == null ? FieldErrors.GLOBAL : error.field(), error.key(), error.args());
        return page(agent, null, name, null, errors, 400);
    }

    @PostMapping(PATH + "/revoke")
    String revoke(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam long id, HttpServletRequest request) {
        appPasswords.revoke(agent.accountId(), id, ClientInfo.of(request));
        return "redirect:" + PATH + "?notice=revoked";
    }

    private ModelAndView page(AgentPrincipal agent, AppPasswords.Creation.Created created, String name, String notice,
                              FieldErrors errors, int status) {
        ModelAndView view = new ModelAndView("identity/app-passwords", Map.of("page", new AppPasswordsPage(
                twoFactor.enabled(agent.accountId()), appPasswords.list(agent.accountId()), created, name, notice,
                errors)));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }
}
