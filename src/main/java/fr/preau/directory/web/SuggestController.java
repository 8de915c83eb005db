package fr.preau.directory.web;

import fr.preau.directory.DirectoryEntry;
import fr.preau.directory.StaffDirectory;
import fr.preau.identity.AgentPrincipal;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /directory/suggest?q=...}: the recipients the compose page offers as the agent
 * types, as JSON {@code [{"name", "email", "detail": "role · établissement"}]}, at most ten.
 * Signed-in agents only (as every path not declared public).
 */
@RestController
class SuggestController {

    static final int MAX = 10;

    /** One suggestion of the recipient field. */
    record Suggestion(String name, String email, String detail) {}

    private final StaffDirectory directory;
    private final MessageSource messages;

    SuggestController(StaffDirectory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping(value = "/directory/suggest", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Suggestion>> suggest(@AuthenticationPrincipal AgentPrincipal agent,
                                             @RequestParam(required = false) String q, Locale locale) {
        String text = q == null ? "" : q.strip();
        List<Suggestion> found = text.isEmpty() || text.length() > 100 ? List.of()
                : directory.suggest(agent.accountId(), text, MAX).stream().map(e -> suggestion(e, locale)).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(found);
    }

    private Suggestion suggestion(DirectoryEntry e, Locale locale) {
        String role = messages.getMessage("role." + e.role().name(), null, locale);
        String detail = e.establishment() == null ? role : role + " · " + e.establishment().name();
        return new Suggestion(e.displayName(), e.email(), detail);
    }
}
