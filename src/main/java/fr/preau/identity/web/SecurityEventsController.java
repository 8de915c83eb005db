package fr.preau.identity.web;

import fr.preau.identity.Devices;
import fr.preau.identity.AgentPrincipal;
import fr.preau.platform.AuditLog;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** "Dernières connexions": the security events of the signed-in agent's own account. */
@Controller
class SecurityEventsController {

    private final AuditLog audit;

    SecurityEventsController(AuditLog audit) {
        this.audit = audit;
    }


    @GetMapping("/account/security-events")
    ModelAndView list(@AuthenticationPrincipal AgentPrincipal agent) {
        List<SecurityEventRow> rows = audit.forAccount(agent.accountId(), 50).stream()
                .map(e -> new SecurityEventRow(e, e.userAgent() == null ? "" : Devices.describe(e.userAgent())))
                .toList();
        return new ModelAndView("identity/security-events", Map.of("rows", rows));
    }
}
