package fr.preau.identity.web;

import fr.preau.identity.Accounts;
import fr.preau.identity.AgentPrincipal;
import fr.preau.identity.InterfaceChoice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Switches the signed-in agent to the other interface, and remembers the choice for next time. */
@Controller
class InterfaceController {

    private final Accounts accounts;
    private final SignIn signIn;
    private final SecurityContextRepository contexts;

    InterfaceController(Accounts accounts, SignIn signIn, SecurityContextRepository contexts) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.contexts = contexts;
    }

    @PostMapping("/interface")
    String switchTo(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam String choice,
                    HttpServletRequest request, HttpServletResponse response) {
        InterfaceChoice target = InterfaceChoice.parse(choice);
        accounts.rememberInterface(agent.accountId(), target);
        var current = SecurityContextHolder.getContext().getAuthentication();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(agent.withInterface(target), null,
                current == null ? List.of() : current.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        signIn.rememberInterface(target, response);
        return "redirect:" + SignIn.home(target);
    }
}
