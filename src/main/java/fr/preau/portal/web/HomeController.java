package fr.preau.portal.web;

import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.identity.AgentPrincipal;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.Tenancy;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The home page of the full interface ({@code /app}) and of the simplified one ({@code /simple}). */
@Controller
class HomeController {

    private final Accounts accounts;
    private final Tenancy tenancy;

    HomeController(Accounts accounts, Tenancy tenancy) {
        this.accounts = accounts;
        this.tenancy = tenancy;
    }

    @GetMapping("/")
    String root(@AuthenticationPrincipal AgentPrincipal agent) {
        return agent == null ? "redirect:/login" : "redirect:" + (agent.simplifiedInterface() ? "/simple" : "/app");
    }

    @GetMapping("/app")
    ModelAndView full(@AuthenticationPrincipal AgentPrincipal agent) {
        return new ModelAndView("portal/home-full", Map.of("page", page(agent)));
    }

    @GetMapping("/simple")
    ModelAndView simplified(@AuthenticationPrincipal AgentPrincipal agent) {
        return new ModelAndView("portal/home-simple", Map.of("page", page(agent)));
    }

    private HomePage page(AgentPrincipal agent) {
        Account account = accounts.byId(agent.accountId()).orElseThrow();
        Establishment establishment = tenancy.establishment(account.establishmentId());
        return new HomePage(account, tenancy.academy(account.academyId()),
                tenancy.department(establishment.departmentId()), establishment);
    }
}
