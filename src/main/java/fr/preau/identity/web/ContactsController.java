package fr.preau.identity.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.identity.ContactSettings;
import fr.preau.identity.Contacts;
import fr.preau.identity.RecoveryContacts;
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
 * The backup address and the mobile: change one (current password), receive a code there, type
 * it back to verify it. Plain forms, each answering with the whole page.
 */
@Controller
class ContactsController {

    private static final Map<String, String> NOTICES = Map.of("email-code-sent", "contacts.notice.email-code-sent",
            "mobile-code-sent", "contacts.notice.mobile-code-sent");

    private final ContactSettings contacts;

    ContactsController(ContactSettings contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/account/contacts")
    ModelAndView form(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(required = false) String notice) {
        return page(agent, null, null, new FieldErrors(), notice == null ? null : NOTICES.get(notice), 200);
    }

    @PostMapping("/account/contacts/email")
    ModelAndView changeEmail(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(defaultValue = "") String backupEmail,
                             @RequestParam(defaultValue = "") String emailPassword, HttpServletRequest request) {
        List<UserError> problems = contacts.changeBackupEmail(agent.accountId(), emailPassword, backupEmail,
                ClientInfo.of(request));
        if (!problems.isEmpty()) {
            return page(agent, backupEmail, null, FieldErrors.of(problems), null, 400);
        }
        RecoveryContacts now = contacts.of(agent.accountId());
        return new ModelAndView(now.backupEmail() == null ? "redirect:/account/security?notice=email-removed"
                : now.backupEmailVerified() ? "redirect:/account/security" : "redirect:/account/contacts?notice=email-code-sent");
    }

    @PostMapping("/account/contacts/email/code")
    ModelAndView resendEmail(@AuthenticationPrincipal AgentPrincipal agent, HttpServletRequest request) {
        List<UserError> problems = contacts.sendEmailCode(agent.accountId(), ClientInfo.of(request));
        return problems.isEmpty() ? new ModelAndView("redirect:/account/contacts?notice=email-code-sent")
                : page(agent, null, null, FieldErrors.of(problems), null, 429);
    }

    @PostMapping("/account/contacts/email/verify")
    ModelAndView verifyEmail(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(defaultValue = "") String emailCode,
                             HttpServletRequest request) {
        List<UserError> problems = contacts.verifyEmail(agent.accountId(), emailCode, ClientInfo.of(request));
        return problems.isEmpty() ? new ModelAndView("redirect:/account/security?notice=email-verified")
                : page(agent, null, null, FieldErrors.of(problems), null, 400);
    }

    @PostMapping("/account/contacts/mobile")
    ModelAndView changeMobile(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(defaultValue = "") String mobile,
                              @RequestParam(defaultValue = "") String mobilePassword, HttpServletRequest request) {
        List<UserError> problems = contacts.changeMobile(agent.accountId(), mobilePassword, mobile, ClientInfo.of(request));
        if (!problems.isEmpty()) {
            return page(agent, null, mobile, FieldErrors.of(problems), null, 400);
        }
        RecoveryContacts now = contacts.of(agent.accountId());
        return new ModelAndView(now.mobile() == null ? "redirect:/account/security?notice=mobile-removed"
                : now.mobileVerified() ? "redirect:/account/security" : "redirect:/account/contacts?notice=mobile-code-sent");
    }

    @PostMapping("/account/contacts/mobile/code")
    ModelAndView resendMobile(@AuthenticationPrincipal AgentPrincipal agent, HttpServletRequest request) {
        List<UserError> problems = contacts.sendMobileCode(agent.accountId(), ClientInfo.of(request));
        return problems.isEmpty() ? new ModelAndView("redirect:/account/contacts?notice=mobile-code-sent")
                : page(agent, null, null, FieldErrors.of(problems), null, 429);
    }

    @PostMapping("/account/contacts/mobile/verify")
    ModelAndView verifyMobile(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(defaultValue = "") String mobileCode,
                              HttpServletRequest request) {
        List<UserError> problems = contacts.verifyMobile(agent.accountId(), mobileCode, ClientInfo.of(request));
        return problems.isEmpty() ? new ModelAndView("redirect:/account/security?notice=mobile-verified")
                : page(agent, null, null, FieldErrors.of(problems), null, 400);
    }

    private ModelAndView page(AgentPrincipal agent, String typedEmail, String typedMobile, FieldErrors errors, String notice,
                              int status) {
        RecoveryContacts found = contacts.of(agent.accountId());
        ModelAndView view = new ModelAndView("identity/account-contacts", Map.of("page", new ContactsPage(found,
                found.mobile() == null ? null : Contacts.displayMobile(found.mobile()),
                typedEmail != null ? typedEmail : found.backupEmail() == null ? "" : found.backupEmail(),
                typedMobile != null ? typedMobile : found.mobile() == null ? "" : Contacts.displayMobile(found.mobile()),
                errors, notice, contacts.codeValidityMinutes())));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }
}
