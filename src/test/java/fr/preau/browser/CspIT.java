package fr.preau.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.LoginPage;
import fr.preau.delivery.SmtpEndpoints;
import fr.preau.identity.Account;
import fr.preau.mail.FolderRole;
import fr.preau.mail.ListOrder;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.mime.Attachment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page of the web mail and the directory answers with a Content-Security-Policy whose
 * scripts come from Préau only ({@code 'self'} or {@code 'none'}, never inline, eval or another
 * origin); the body frame of a message allows no script at all and is framed only by Préau;
 * every file downloaded from a message is sandboxed.
 */
class CspIT extends BrowserTest {

    @Autowired
    SmtpEndpoints smtp;

    @Autowired
    MailFolders folders;

    @Autowired
    MailMessages messages;

    /** The directives of a policy, by name, each with its source list (lower case). */
    static Map<String, List<String>> directives(String policy) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String d : policy.split(";")) {
            String[] words = d.strip().toLowerCase(Locale.ROOT).split("\\s+");
            if (!words[0].isEmpty()) {
                out.putIfAbsent(words[0], Arrays.asList(words).subList(1, words.length));
            }
        }
        return out;
    }

    /** The sources scripts may come from: script-src, else default-src (CSP's fallback). */
    static List<String> scriptSources(Map<String, List<String>> d) {
        return d.getOrDefault("script-src", d.getOrDefault("default-src", List.of("*")));
    }

    @Test
    void everyMailPageHasAStrictPolicy() throws Exception {
        Agent agent = agents.active();
        Account account = accounts.byLogin(agent.login()).orElseThrow();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        new OutsideMail(smtp).subject("Réunion parents-professeurs").text("Jeudi 18 h")
                .html("<p>Jeudi <b>18 h</b></p><img src=\"https://exemple-externe.example/logo.png\" alt=\"\">")
                .attach("ordre-du-jour.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
                .attach("plan.png", "image/png", png)
                .attach("page.html", "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII))
                .sendTo(account.email());
        long inbox = folders.byRole(account.id(), FolderRole.INBOX).id();
        long id = messages.list(account.id(), inbox, ListOrder.newestFirst(), 0, 1).messages().get(0).id();
        List<Attachment> parts = messages.structure(account.id(), id).attachments();
        String pdf = path(parts, ".pdf");
        String image = path(parts, ".png");
        String html = path(parts, ".html");

        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.newContext(Viewport.DESKTOP.options().setBaseURL("http://localhost:" + port))) {
            Page page = context.newPage();
            LoginPage.open(page).logInSimplified(agent.login(), Agents.PASSWORD);
            APIRequestContext http = context.request();
            List<String> pages = new ArrayList<>(List.of(
                    "/simple/mail/folder/" + inbox, "/simple/mail/message/" + id, "/simple/mail/message/" + id + "?images=true",
                    "/simple/mail/message/" + id + "?view=text", "/simple/mail/message/" + id + "/headers",
                    "/simple/mail/message/" + id + "/print", "/app/mail/message/" + id + "/print",
                    "/simple/mail/compose", "/simple/mail/compose?reply=" + id, "/simple/mail/compose?forward=" + id,
                    "/simple/mail/search?q=r%C3%A9union", "/simple/mail/search/advanced", "/simple/mail/folders",
                    "/simple/mail/settings", "/app/mail/settings", "/simple/annuaire", "/simple/annuaire?q=martin",
                    "/app/annuaire", "/app/annuaire?q=martin", "/simple/mail/message/987654321"));
            if (http.get("/app/mail").status() == 200) {
                pages.addAll(List.of("/app/mail/folder/" + inbox, "/app/mail/message/" + id, "/app/mail/compose",
                        "/app/mail/compose?reply=" + id, "/app/mail/search?q=r%C3%A9union", "/app/mail/folders"));
            }
            for (String url : pages) {
                APIResponse r = http.get(url, RequestOptions.create().setMaxRedirects(0));
                String policy = r.headers().get("content-security-policy");
                if (r.status() != 200 && !url.endsWith("987654321")) {
                    problems.add(url + " answered " + r.status());
                }
                if (policy == null) {
                    problems.add(url + " has no Content-Security-Policy");
                    continue;
                }
                checkScripts(url, directives(policy), problems);
            }

            for (String url : List.of("/mail/message/" + id + "/body", "/mail/message/" + id + "/body?images=true")) {
                APIResponse r = http.get(url);
                String policy = r.headers().get("content-security-policy");
                if (policy == null) {
                    problems.add(url + " has no Content-Security-Policy");
                    continue;
                }
                Map<String, List<String>> d = directives(policy);
                if (!List.of("'none'").equals(d.get("script-src"))) {
                    problems.add(url + ": script-src is " + d.get("script-src") + ", not 'none'");
                }
                if (!List.of("'self'").equals(d.get("frame-ancestors"))) {
                    problems.add(url + ": frame-ancestors is " + d.get("frame-ancestors") + ", not 'self'");
                }
            }

            for (String url : List.of("/mail/message/" + id + "/attachment?path=" + pdf,
                    "/mail/message/" + id + "/attachment?path=" + html,
                    "/mail/message/" + id + "/attachment?path=" + html + "&inline=true",
                    "/mail/message/" + id + "/attachment?path=" + image,
                    "/mail/message/" + id + "/attachment?path=" + image + "&inline=true",
                    "/mail/message/" + id + "/inline?path=" + image,
                    "/mail/message/" + id + "/attachments.zip", "/mail/message/" + id + "/eml",
                    "/mail/message/" + id + "/headers")) {
                APIResponse r = http.get(url);
                String policy = r.headers().get("content-security-policy");
                if (r.status() != 200) {
                    problems.add(url + " answered " + r.status());
                }
                if (policy == null) {
                    problems.add(url + " has no Content-Security-Policy");
                    continue;
                }
                Map<String, List<String>> d = directives(policy);
                if (!d.containsKey("sandbox") || !d.get("sandbox").isEmpty()) {
                    problems.add(url + ": the download is not sandboxed (" + policy + ")");
                }
                checkScripts(url, d, problems);
                String type = String.valueOf(r.headers().get("content-type"));
                if (type.startsWith("text/html") || type.contains("xml")) {
                    problems.add(url + " is served as " + type);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void checkScripts(String url, Map<String, List<String>> d, List<String> problems) {
        List<String> scripts = scriptSources(d);
        if (scripts.isEmpty() || !scripts.stream().allMatch(s -> s.equals("'self'") || s.equals("'none'"))
                || scripts.contains("'none'") && scripts.size() > 1) {
            problems.add(url + ": scripts may come from " + scripts);
        }
        for (String directive : List.of("script-src-elem", "script-src-attr")) {
            if (d.containsKey(directive)) {
                problems.add(url + ": " + directive + " " + d.get(directive));
            }
        }
    }

    private static String path(List<Attachment> parts, String suffix) {
        return parts.stream().filter(a -> a.filename().endsWith(suffix)).findFirst().orElseThrow().path();
    }
}
