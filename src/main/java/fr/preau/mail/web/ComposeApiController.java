package fr.preau.mail.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.mail.ComposeError;
import fr.preau.mail.ComposeException;
import fr.preau.mail.Draft;
import fr.preau.mail.DraftAttachment;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MailComposer;
import fr.preau.mail.OverQuotaException;
import fr.preau.platform.UserError;
import fr.preau.platform.web.PageContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the full interface's compose script calls: one file uploaded with a progress bar,
 * the draft saved every few seconds while the agent types, and the addresses the agent wrote
 * to lately (the directory's suggestions come from {@code /directory/suggest}). Errors come back
 * translated, for the script to show next to the field.
 */
@RestController
class ComposeApiController {

    private final MailComposer composer;
    private final ComposeDrafts drafts;

    ComposeApiController(MailComposer composer, ComposeDrafts drafts) {
        this.composer = composer;
        this.drafts = drafts;
    }

    @PostMapping("/app/mail/compose/upload")
    ResponseEntity<Map<String, Object>> upload(@AuthenticationPrincipal AgentPrincipal agent,
                                               @RequestParam("file") MultipartFile file,
                                               @ModelAttribute("ctx") PageContext ctx) {
        List<ComposeException> refused = new ArrayList<>();
        List<DraftAttachment> staged = drafts.stage(agent.accountId(), List.of(file), refused);
        if (!refused.isEmpty() || staged.isEmpty()) {
            String text = refused.isEmpty() ? ctx.t("webmail.compose.error.upload-failed", file.getOriginalFilename())
                    : texts(refused.get(0), ctx);
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("error", text));
        }
        DraftAttachment a = staged.get(0);
        return ResponseEntity.ok(Map.of("ref", AttachmentRef.of(a), "name", a.filename(), "size", a.size(),
                "sizeText", ReadPage.size(a.size(), ctx)));
    }

    /** Saves the form as a draft; answers the new draft id (the next save replaces it). */
    @PostMapping("/app/mail/compose/autosave")
    ResponseEntity<Map<String, Object>> autosave(@AuthenticationPrincipal AgentPrincipal agent, ComposeForm form,
                                                 @ModelAttribute("ctx") PageContext ctx) {
        Draft draft = drafts.fromForm(agent.accountId(), form, Set.of());
        try {
            long id = composer.saveDraft(agent.accountId(), draft);
            Draft saved = composer.load(agent.accountId(), id);
            List<String> refs = saved.attachments().stream().map(AttachmentRef::of).toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("draft", id);
            body.put("attachments", refs);
            body.put("status", ctx.t("webmail.compose.autosaved", ctx.time(java.time.Instant.now())));
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
        } catch (ComposeException e) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("error", texts(e, ctx)));
        } catch (OverQuotaException e) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(Map.of("error", ctx.t("mail.error.over-quota", e.usage().limitMegabytes())));
        } catch (UserError e) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("error", ctx.t(e.key(), e.args())));
        }
    }

    @GetMapping("/app/mail/recipients")
    ResponseEntity<List<Map<String, String>>> recent(@AuthenticationPrincipal AgentPrincipal agent,
                                                     @RequestParam(defaultValue = "") String q) {
        String prefix = q.strip();
        List<Map<String, String>> out = new ArrayList<>();
        if (prefix.length() >= 1 && prefix.length() <= 100) {
            for (MailAddress a : composer.recentRecipients(agent.accountId(), prefix, 8)) {
                out.add(Map.of("name", a.name() == null ? "" : a.name(), "email", a.address()));
            }
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(out);
    }

    private static String texts(ComposeException e, PageContext ctx) {
        StringBuilder b = new StringBuilder();
        for (ComposeError error : e.errors()) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(ctx.t(error.messageKey(), error.args().toArray()));
        }
        return b.toString();
    }
}
