package fr.preau.portal.web;

import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.identity.AgentPrincipal;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.Tenancy;
import java.util.List;
import java.util.Map;
import fr.preau.mail.Folder;
import fr.preau.mail.FolderRole;
import fr.preau.mail.ListOrder;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MailQuotas;
import fr.preau.mail.MessagePage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The home page of the full interface ({@code /app}) and of the simplified one ({@code /simple}). */
@Controller
class HomeController {

    private final Accounts accounts;
    private final Tenancy tenancy;
    private final MailFolders folders;
    private final MailMessages messages;
    private final MailQuotas quotas;
    private final fr.preau.identity.PasswordChanges passwords;

    HomeController(Accounts accounts, Tenancy tenancy, MailFolders folders, MailMessages messages, MailQuotas quotas, fr.preau.identity.PasswordChanges passwords) {
        this.accounts = accounts;
        this.tenancy = tenancy;
        this.folders = folders;
        this.messages = messages;
        this.quotas = quotas;
        this.passwords = passwords;
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
        List<Folder> all = folders.list(account.id());
        Folder inbox = all.stream().filter(f -> f.role() == FolderRole.INBOX).findFirst().orElseThrow();
        MessagePage recent = messages.list(account.id(), inbox.id(), ListOrder.newestFirst(), 0, HomePage.RECENT);
        return new HomePage(account, tenancy.academy(account.academyId()),
                tenancy.department(establishment.departmentId()), establishment, all, recent.messages(),
                inbox.messages(), quotas.usage(account.id()), passwords.expiresSoon(account.id()).orElse(null));
    }
}
