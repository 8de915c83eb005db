package fr.preau.directory.web;

import fr.preau.directory.DirectoryEntry;
import fr.preau.directory.DirectoryOptions;
import fr.preau.directory.DirectoryPage;
import fr.preau.directory.StaffDirectory;
import fr.preau.identity.AgentPrincipal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The staff directory in both interfaces: the search page ({@code /app/annuaire},
 * {@code /simple/annuaire}; plain GET forms, so they work without JavaScript) and an agent's
 * card ({@code .../annuaire/{accountId}}), 404 for anybody the reader may not see.
 */
@Controller
class DirectoryController {

    static final int PAGE_SIZE = 25;

    private final StaffDirectory directory;

    DirectoryController(StaffDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/app/annuaire")
    ModelAndView searchFull(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(required = false) String name,
                            @RequestParam(required = false) String establishment,
                            @RequestParam(required = false) String department,
                            @RequestParam(required = false) String role, @RequestParam(required = false) String page) {
        return search(DirectoryInterface.FULL, agent, SearchForm.read(name, establishment, department, role, page));
    }

    @GetMapping("/simple/annuaire")
    ModelAndView searchSimple(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(required = false) String name,
                              @RequestParam(required = false) String establishment,
                              @RequestParam(required = false) String department,
                              @RequestParam(required = false) String role, @RequestParam(required = false) String page) {
        return search(DirectoryInterface.SIMPLIFIED, agent, SearchForm.read(name, establishment, department, role, page));
    }

    @GetMapping("/app/annuaire/{accountId}")
    ModelAndView cardFull(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable String accountId) {
        return card(DirectoryInterface.FULL, agent, accountId);
    }

    @GetMapping("/simple/annuaire/{accountId}")
    ModelAndView cardSimple(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable String accountId) {
        return card(DirectoryInterface.SIMPLIFIED, agent, accountId);
    }

    private ModelAndView search(DirectoryInterface ui, AgentPrincipal agent, SearchForm form) {
        DirectoryOptions options = directory.options(agent.accountId(), form.department());
        DirectoryPage results = directory.search(agent.accountId(), form.query(), (form.page() - 1) * PAGE_SIZE,
                PAGE_SIZE);
        return new ModelAndView("directory/search", Map.of("page", new SearchPage(ui, form, options, results)));
    }

    private ModelAndView card(DirectoryInterface ui, AgentPrincipal agent, String accountId) {
        DirectoryEntry entry = parse(accountId) == null ? null
                : directory.card(agent.accountId(), parse(accountId)).orElse(null);
        if (entry == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return new ModelAndView("directory/card", Map.of("page", new CardPage(ui, entry)));
    }

    private static Long parse(String id) {
        return id.matches("\\d{1,18}") ? Long.valueOf(id) : null;
    }
}
