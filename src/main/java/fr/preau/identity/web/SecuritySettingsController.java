package fr.preau.identity.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.identity.ContactSettings;
import fr.preau.identity.Contacts;
import fr.preau.identity.PasswordChanges;
import fr.preau.identity.RecoveryContacts;
import fr.preau.identity.SecurityQuestions;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** "Sécurité du compte": password, recovery contacts, questions, two-step verification, sessions, events. */
@Controller
class SecuritySettingsController {

    /** The notices other pages come back with (?notice=...). */
    private static final Map<String, String> NOTICES = Map.of(
            "password-changed", "security.notice.password-changed", "questions-saved", "security.notice.questions-saved",
            "email-verified", "security.notice.email-verified", "mobile-verified", "security.notice.mobile-verified",
            "email-removed", "security.notice.email-removed", "mobile-removed", "security.notice.mobile-removed");

    private final PasswordChanges passwords;
    private final ContactSettings contacts;
    private final SecurityQuestions questions;
    private final fr.preau.identity.TwoFactor twoFactor;
    private final fr.preau.identity.AppPasswords appPasswords;

    SecuritySettingsController(PasswordChanges passwords, ContactSettings contacts, SecurityQuestions questions,
                               fr.preau.identity.TwoFactor twoFactor, fr.preau.identity.AppPasswords appPasswords) {
        this.passwords = passwords;
        this.contacts = contacts;
        this.questions = questions;
        this.twoFactor = twoFactor;
        this.appPasswords = appPasswords;
    }

    @GetMapping("/account/security")
    ModelAndView hub(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(required = false) String notice) {
        RecoveryContacts found = contacts.of(agent.accountId());
        return new ModelAndView("identity/security", Map.of("page", new SecurityPage(
                passwords.changedAt(agent.accountId()).orElse(null),
                passwords.expiresSoon(agent.accountId()).orElse(null), found,
                found.mobile() == null ? null : Contacts.displayMobile(found.mobile()),
                !questions.questionKeys(agent.accountId()).isEmpty(),
                notice == null ? null : NOTICES.get(notice), twoFactor.status(agent.accountId()),
                appPasswords.list(agent.accountId()).size())));
    }
}
