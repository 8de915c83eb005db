package fr.preau.identity.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.identity.PasswordChanges;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.platform.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Changing the password from the settings: the current one, then the new one twice (policy and
 * meter as at the first connection). The agent's other sessions are closed; this one goes on.
 */
@Controller
class PasswordChangeController {

    private final PasswordChanges passwords;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    PasswordChangeController(PasswordChanges passwords, FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @GetMapping("/account/password")
    ModelAndView form(@AuthenticationPrincipal AgentPrincipal agent) {
        return page(agent, new FieldErrors(), 200);
    }

    @PostMapping("/account/password")
    ModelAndView change(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(defaultValue = "") String current,
                        @RequestParam(defaultValue = "") String password,
                        @RequestParam(defaultValue = "") String confirmation, HttpServletRequest request) {
        List<UserError> problems = passwords.change(agent.accountId(), current, password, confirmation, ClientInfo.of(request));
        if (!problems.isEmpty()) {
            return page(agent, FieldErrors.of(problems), 400);
        }
        HttpSession here = request.getSession(false);
        for (String id : sessions.findByPrincipalName(agent.login()).keySet()) {
            if (here == null || !here.getId().equals(id)) {
                sessions.deleteById(id);
            }
        }
        return new ModelAndView("redirect:/account/security?notice=password-changed");
    }

    private ModelAndView page(AgentPrincipal agent, FieldErrors errors, int status) {
        ModelAndView view = new ModelAndView("identity/account-password", Map.of("errors", errors,
                "evaluation", passwords.evaluate(agent.accountId(), ""), "login", agent.login(),
                "history", passwords.historySize()));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }
}
