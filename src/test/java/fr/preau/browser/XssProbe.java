package fr.preau.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Route;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches a browser context for any sign that a script of a message ran or that a message
 * reached out: {@code alert}, {@code confirm}, {@code prompt}, {@code print} and
 * {@code eval}-like sinks report to a binding from every frame (the init script runs in every
 * frame where script can run at all, before the page's own), every dialog is recorded, and every
 * request to a host other than Préau's is recorded and aborted.
 */
final class XssProbe {

    static final String BINDING = "__xssProbe";

    private static final String INIT = """
            (() => {
              const report = (what, args) => {
                const stack = String(new Error().stack || '');
                try { window.__xssProbe(what + '(' + Array.from(args).map(String).join(',') + ') in ' + location.href, stack); }
                catch (e) { window.__xss = (window.__xss || 0) + 1; }
              };
              for (const name of ['alert', 'confirm', 'prompt', 'print']) {
                window[name] = function () { report(name, arguments); };
              }
              window.__xss = 0;
            })();
            """;

    private static final java.util.regex.Pattern OWN_SCRIPT =
            java.util.regex.Pattern.compile("https?://(localhost|127\\.0\\.0\\.1):\\d+/assets/js/[\\w.-]+\\.js:");

    private final List<String> hits = new CopyOnWriteArrayList<>();
    private final List<String> foreignRequests = new CopyOnWriteArrayList<>();

    XssProbe(BrowserContext context) {
        context.exposeBinding(BINDING, (source, args) -> {
            String stack = args.length > 1 ? String.valueOf(args[1]) : "";
            // Préau's own scripts (the print page calls print()) are files of its origin; a
            // message's script could only be inline, an event handler or a javascript: URL
            if (!OWN_SCRIPT.matcher(stack).find()) {
                hits.add("script ran: " + (args.length > 0 ? args[0] : "?"));
            }
            return null;
        });
        context.addInitScript(INIT);
        context.route("**/*", this::route);
        context.onPage(page -> page.onDialog(dialog -> {
            hits.add("dialog " + dialog.type() + " \"" + dialog.message() + "\" on " + page.url());
            dialog.dismiss();
        }));
    }

    private void route(Route route) {
        String url = route.request().url();
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException notAUri) {
            host = null;
        }
        if (url.startsWith("data:") || url.startsWith("blob:") || "localhost".equals(host) || "127.0.0.1".equals(host)) {
            route.resume();
        } else {
            foreignRequests.add(url.length() > 200 ? url.substring(0, 200) + "…" : url);
            route.abort();
        }
    }

    List<String> hits() {
        return hits;
    }

    List<String> foreignRequests() {
        return foreignRequests;
    }
}
