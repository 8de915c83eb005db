package fr.preau.portal.web;

import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.identity.AgentPrincipal;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Tenancy;
import fr.preau.platform.web.PublicPaths;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Que faire en cas de difficultés ?": troubleshooting and the help desks. Open to everyone;
 * a signed-in agent sees their own académie and département first.
 */
@Controller
class HelpController {

    private final Tenancy tenancy;
    private final Accounts accounts;

    HelpController(Tenancy tenancy, Accounts accounts) {
        this.tenancy = tenancy;
        this.accounts = accounts;
    }



    @GetMapping("/help")
    ModelAndView help(@AuthenticationPrincipal AgentPrincipal agent) {
        Academy ownAcademy = null;
        Department ownDepartment = null;
        if (agent != null) {
            Account account = accounts.byId(agent.accountId()).orElseThrow();
            ownAcademy = tenancy.academy(account.academyId());
            ownDepartment = tenancy.department(tenancy.establishment(account.establishmentId()).departmentId());
        }
        // the agent's own académie is already shown first: "other académies" are the others
        Long ownId = ownAcademy == null ? null : ownAcademy.id();
        List<HelpPage.AcademyDesks> all = tenancy.academies().stream()
                .filter(a -> ownId == null || a.id() != ownId)
                .map(a -> new HelpPage.AcademyDesks(a, tenancy.departments(a.id())))
                .toList();
        return new ModelAndView("portal/help", Map.of("page", new HelpPage(ownAcademy, ownDepartment, all)));
    }

    @Bean
    static PublicPaths portalPublicPaths() {
        return PublicPaths.of("/help");
    }
}
