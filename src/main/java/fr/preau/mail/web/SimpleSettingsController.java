package fr.preau.mail.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailPreferences;
import fr.preau.mail.MailSettings;
import fr.preau.platform.UserError;
import fr.preau.platform.web.FieldErrors;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Paramètres" of the web mail: signature, list density and page size, conversations, remote
 * images and the senders whose images are always shown; the language and the interface are
 * switched from the same page (through the platform and identity endpoints).
 */
@Controller
class SimpleSettingsController {

    private final MailPreferences preferences;
    private final MailFolders folders;

    SimpleSettingsController(MailPreferences preferences, MailFolders folders) {
        this.preferences = preferences;
        this.folders = folders;
    }

    @GetMapping({"/simple/mail/settings", "/app/mail/settings"})
    ModelAndView page(@AuthenticationPrincipal AgentPrincipal agent, jakarta.servlet.http.HttpServletRequest request, Map<String, Object> model) {
        return view(request, agent, preferences.get(agent.accountId()), new FieldErrors(), (Notice) model.get(Notice.ATTRIBUTE));
    }

    @PostMapping({"/simple/mail/settings", "/app/mail/settings"})
    Object save(@AuthenticationPrincipal AgentPrincipal agent, jakarta.servlet.http.HttpServletRequest request, @RequestParam(defaultValue = "") String signature,
                @RequestParam(defaultValue = "COMFORTABLE") String density,
                @RequestParam(defaultValue = "ASK") String remoteImages,
                @RequestParam(defaultValue = "false") boolean conversations,
                @RequestParam(defaultValue = "50") String pageSize, RedirectAttributes redirect) {
        MailSettings current = preferences.get(agent.accountId());
        FieldErrors errors = new FieldErrors();
        MailSettings.Density d = parse(MailSettings.Density.class, density, current.density(), errors, "density",
                "reading.settings.density-invalid");
        MailSettings.RemoteImages r = parse(MailSettings.RemoteImages.class, remoteImages, current.remoteImages(), errors,
                "remoteImages", "reading.settings.remote-images-invalid");
        int size = current.pageSize();
        try {
            size = Integer.parseInt(pageSize.trim());
        } catch (NumberFormatException notANumber) {
            errors.add("pageSize", "reading.settings.page-size-invalid");
        }
        MailSettings typed = new MailSettings(signature.replace("\r\n", "\n"), d, r, conversations, size);
        if (errors.isEmpty()) {
            try {
                preferences.save(agent.accountId(), typed);
                redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("webmail.settings.saved"));
                return "redirect:" + ComposeController.base(request) + "/mail/settings";
            } catch (UserError refused) {
                errors.add(refused.field() == null ? FieldErrors.GLOBAL : refused.field(), refused.key(), refused.args());
            }
        }
        return view(request, agent, typed, errors, null);
    }

    @PostMapping({"/simple/mail/settings/untrust", "/app/mail/settings/untrust"})
    String untrust(@AuthenticationPrincipal AgentPrincipal agent, jakarta.servlet.http.HttpServletRequest request, @RequestParam String address,
                   RedirectAttributes redirect) {
        preferences.untrustSender(agent.accountId(), address);
        redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("webmail.settings.untrusted", address));
        return "redirect:" + ComposeController.base(request) + "/mail/settings";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback, FieldErrors errors, String field,
                                               String key) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            errors.add(field, key);
            return fallback;
        }
    }


    private ModelAndView view(jakarta.servlet.http.HttpServletRequest request, AgentPrincipal agent, MailSettings settings, FieldErrors errors, Notice notice) {
        return new ModelAndView("mail/simple/settings",
                Map.of("page", new SettingsPage(ComposeController.base(request), new FolderTree(folders.list(agent.accountId())), settings,
                        preferences.trustedSenders(agent.accountId()), errors, notice, agent.simplifiedInterface())));
    }
}
