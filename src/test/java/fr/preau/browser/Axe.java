package fr.preau.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * axe-core from its WebJar, run in the page. The pages' CSP forbids inline scripts, so axe
 * is not added as a script tag: Playwright evaluates it through the DevTools protocol, which
 * the page's CSP does not govern (the browser context keeps enforcing CSP for the page).
 */
final class Axe {

    /** The impacts that fail a test. */
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    record Violation(String rule, String impact, String help, String helpUrl, List<String> targets) {
        boolean blocking() {
            return BLOCKING.contains(impact);
        }

        @Override
        public String toString() {
            return "[" + impact + "] " + rule + ": " + help + " — " + String.join(" | ", targets) + " (" + helpUrl + ")";
        }
    }

    /** What axe found on one page: the violations, and how many rules passed or need a human check. */
    record Result(List<Violation> violations, int passed, int incomplete) {}

    private static final String VERSION = "4.6.3";
    private static final String SOURCE = load();

    private Axe() {}

    private static String load() {
        String path = "META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js";
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test class path (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of the WCAG 2.x A/AA rules and axe's best practices on the page as it is now. */
    static Result run(Page page) {
        Object loaded = page.evaluate("() => typeof window.axe === 'object'");
        if (!Boolean.TRUE.equals(loaded)) {
            page.evaluate(SOURCE + "\n;true");
        }
        Object result = page.evaluate("""
                async () => {
                  // plus one experimental rule: a control's name must contain its visible text (WCAG 2.5.3)
                  const results = await axe.run(document, { rules: { 'label-content-name-mismatch': { enabled: true } } });
                  return {
                    passed: results.passes.length,
                    incomplete: results.incomplete.length,
                    violations: results.violations.map(v => ({
                      rule: v.id, impact: v.impact || 'minor', help: v.help, helpUrl: v.helpUrl,
                      targets: v.nodes.map(n => n.target.join(' ') + ' → ' + (n.html || '').slice(0, 160))
                    }))
                  };
                }""");
        List<Violation> out = new ArrayList<>();
        Map<?, ?> map = (Map<?, ?>) result;
        for (Object item : (List<?>) map.get("violations")) {
            Map<?, ?> v = (Map<?, ?>) item;
            List<String> targets = ((List<?>) v.get("targets")).stream().map(String::valueOf).toList();
            out.add(new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                    (String) v.get("helpUrl"), targets));
        }
        return new Result(out, ((Number) map.get("passed")).intValue(), ((Number) map.get("incomplete")).intValue());
    }
}
