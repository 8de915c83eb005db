package fr.preau.mail.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.mail.Folder;
import fr.preau.mail.MailFolders;
import fr.preau.platform.UserError;
import fr.preau.platform.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Gérer les dossiers" in the simplified interface: plain forms, a confirmation step before deleting. */
@Controller
class SimpleFoldersController {

    private final MailFolders folders;

    SimpleFoldersController(MailFolders folders) {
        this.folders = folders;
    }

    @GetMapping({"/simple/mail/folders", "/app/mail/folders"})
    ModelAndView page(@AuthenticationPrincipal AgentPrincipal agent, HttpServletRequest request, Map<String, Object> model) {
        return view(request, agent, (Notice) model.get(Notice.ATTRIBUTE), null, new FieldErrors(), null, null, null);
    }

    @PostMapping({"/simple/mail/folders/create", "/app/mail/folders/create"})
    Object create(@AuthenticationPrincipal AgentPrincipal agent, HttpServletRequest request, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) Long parent, RedirectAttributes redirect) {
        try {
            Folder created = folders.create(agent.accountId(), parent, name);
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("webmail.folders.created", created.leafName()));
            return "redirect:" + ComposeController.base(request) + "/mail/folders";
        } catch (UserError refused) {
            return view(request, agent, null, null, errors(refused), name, parent, null);
        }
    }

    @PostMapping({"/simple/mail/folders/{folderId}/rename", "/app/mail/folders/{folderId}/rename"})
    Object rename(@AuthenticationPrincipal AgentPrincipal agent, HttpServletRequest request, @PathVariable long folderId,
                  @RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long parent,
                  RedirectAttributes redirect) {
        // a folder that is not the agent's is a 404, as for delete (its form is nowhere to show an error)
        folders.get(agent.accountId(), folderId);
        try {
            Folder renamed = folders.rename(agent.accountId(), folderId, parent, name);
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("webmail.folders.renamed", renamed.leafName()));
            return "redirect:" + ComposeController.base(request) + "/mail/folders";
        } catch (UserError refused) {
            return view(request, agent, null, null, errors(refused), name, parent, folderId);
        }
    }

    @PostMapping({"/simple/mail/folders/{folderId}/delete", "/app/mail/folders/{folderId}/delete"})
    Object delete(@AuthenticationPrincipal AgentPrincipal agent, HttpServletRequest request, @PathVariable long folderId,
                  @RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes redirect) {
        Folder folder = folders.get(agent.accountId(), folderId);
        if (!confirmed) {
            return view(request, agent, null, folder, new FieldErrors(), null, null, null);
        }
        try {
            folders.delete(agent.accountId(), folderId);
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.done("webmail.folders.deleted", folder.leafName()));
        } catch (UserError refused) {
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.error(refused.key(), refused.args()));
        }
        return "redirect:" + ComposeController.base(request) + "/mail/folders";
    }

    private static FieldErrors errors(UserError refused) {
        FieldErrors errors = new FieldErrors();
        errors.add(refused.field() == null ? "name" : refused.field(), refused.key(), refused.args());
        return errors;
    }

    private ModelAndView view(HttpServletRequest request, AgentPrincipal agent, Notice notice, Folder confirm, FieldErrors errors, String name,
                              Long parent, Long edited) {
        return new ModelAndView("mail/simple/folders", Map.of("page", new FoldersPage(ComposeController.base(request),
                new FolderTree(folders.list(agent.accountId())), notice, confirm, errors, name, parent, edited)));
    }
}
