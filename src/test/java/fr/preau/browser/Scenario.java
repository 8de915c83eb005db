package fr.preau.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One scenario on one viewport: opens browser contexts, and at every step of the scenario
 * takes a screenshot ({@code <scenario>-<step>-<viewport>.png}), runs axe, checks the page's
 * language and, on the phone, that nothing is wider than the screen. Console errors (a CSP
 * violation is one) and uncaught page errors are collected all along. Problems are gathered
 * and reported together when the scenario closes, so one run shows all of them.
 */
final class Scenario implements AutoCloseable {

    static final Path SCREENSHOTS = Paths.get(System.getProperty("preau.screenshots", "target/screenshots"));
    private static final Path AXE_REPORT = SCREENSHOTS.resolve("axe-report.txt");

    static {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.deleteIfExists(AXE_REPORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Browser browser;
    private final String baseUrl;
    private final String name;
    private final Viewport viewport;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final Set<BrowserContext> withoutScript = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> report = new ArrayList<>();
    private final List<ConsoleEntry> console = new ArrayList<>();
    private final Set<String> documentsWithErrorStatus = new HashSet<>();
    private String language = "fr";

    private record ConsoleEntry(String page, String type, String text, String location) {
        boolean statusOfDocument(Set<String> documents) {
            return text.startsWith("Failed to load resource: the server responded with a status of")
                    && documents.stream().anyMatch(d -> location != null && location.startsWith(d));
        }
    }
    private int steps;

    Scenario(Browser browser, String baseUrl, String name, Viewport viewport) {
        this.browser = browser;
        this.baseUrl = baseUrl;
        this.name = name;
        this.viewport = viewport;
    }

    Viewport viewport() {
        return viewport;
    }

    String url(String path) {
        return baseUrl + path;
    }

    /** A page in a new browser context (its own cookies), for this viewport. */
    Page newPage() {
        return newPage(UnaryOperator.identity());
    }

    /** A page in a new context whose options the caller adjusts (no JavaScript, another language...). */
    Page newPage(UnaryOperator<Browser.NewContextOptions> adjust) {
        Browser.NewContextOptions options = adjust.apply(viewport.options().setBaseURL(baseUrl));
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        if (Boolean.FALSE.equals(options.javaScriptEnabled)) {
            withoutScript.add(context);
        }
        Page page = context.newPage();
        // pages answer a refused form with its 4xx status on purpose; Chromium logs the document's
        // status as a console error, which is no problem (a failed stylesheet or script still is)
        page.onResponse(response -> {
            if (response.request().isNavigationRequest() && response.status() >= 400) {
                documentsWithErrorStatus.add(response.url());
            }
        });
        page.onConsoleMessage(message -> {
            boolean csp = message.text().contains("Content Security Policy");
            if ("error".equals(message.type()) || csp) {
                console.add(new ConsoleEntry(page.url(), message.type(), message.text(), message.location()));
            }
        });
        page.onPageError(error -> problems.add("uncaught error on " + page.url() + ": " + error));
        return page;
    }

    /** The language the next pages must be in ("fr" unless the scenario switched). */
    void expectLanguage(String language) {
        this.language = language;
    }

    /** Checks the page as it is now and keeps its screenshot as {@code <scenario>-<step>-<viewport>.png}. */
    void step(Page page, String step) {
        step(page, step, true);
    }

    /**
     * The same, optionally without axe (a page that has just been audited and has not changed
     * in a way that matters, to keep the suite fast).
     */
    void step(Page page, String step, boolean audit) {
        page.waitForLoadState();
        String file = name + "-" + String.format("%02d", ++steps) + "-" + step + "-" + viewport.label() + ".png";
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(file)).setFullPage(true));
        String where = step + " (" + page.url() + ")";

        String lang = page.locator("html").getAttribute("lang");
        if (!language.equals(lang)) {
            problems.add(where + ": page language is " + lang + ", expected " + language);
        }
        if (viewport == Viewport.PHONE) {
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow instanceof Number n && n.intValue() > 0) {
                problems.add(where + ": the page is " + n + " px wider than the phone screen");
            }
        }
        if (audit) {
            Axe.Result result = audit(page);
            report.add(file + "  " + page.url() + "  passed=" + result.passed() + " incomplete="
                    + result.incomplete() + " violations=" + result.violations().size());
            for (Axe.Violation v : result.violations()) {
                report.add("    " + v);
                if (v.blocking()) {
                    problems.add(where + ": axe " + v);
                }
            }
        }
    }

    /**
     * axe's run needs the page's JavaScript. Where it is off, the same page (a GET, with the
     * same cookies) is audited in a twin context that has it; the pages that must work
     * without JavaScript render the same either way.
     */
    private Axe.Result audit(Page page) {
        if (!withoutScript.contains(page.context())) {
            return Axe.run(page);
        }
        try (BrowserContext twin = browser.newContext(viewport.options().setBaseURL(baseUrl)
                .setStorageState(page.context().storageState()))) {
            Page copy = twin.newPage();
            copy.navigate(page.url());
            return Axe.run(copy);
        }
    }

    @Override
    public void close() {
        for (BrowserContext context : contexts) {
            context.close();
        }
        for (ConsoleEntry entry : console) {
            if (!entry.statusOfDocument(documentsWithErrorStatus)) {
                problems.add("console " + entry.type() + " on " + entry.page() + ": " + entry.text()
                        + " (" + entry.location() + ")");
            }
        }
        if (!report.isEmpty()) {
            try {
                Files.writeString(AXE_REPORT, String.join("\n", report) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(name + " on " + viewport.label() + ":\n  - " + String.join("\n  - ", problems));
        }
    }
}
