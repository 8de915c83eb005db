package fr.preau.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.XssVectors.Vector;
import fr.preau.browser.pages.LoginPage;
import fr.preau.delivery.SmtpEndpoints;
import fr.preau.identity.Account;
import fr.preau.mail.FolderRole;
import fr.preau.mail.ListOrder;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MessageSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every attack vector of the shared corpus, sent from outside through the real MX as an HTML
 * mail (in the body, the subject, the sender's and Cc display names, the attachments' file
 * names), then opened in Chromium: the folder list, search results, the reading page with its
 * body frame, the headers and print pages, a reply and a forward quoting it, and the body
 * frame's document on its own. No script of a message may
 * run (probe in every frame, dialogs), nothing may be fetched from another host, and the
 * sanitised body may hold no script, no event handler and no {@code javascript:} URL. Vectors
 * are sent ten to a message so that the test stays short.
 */
class XssMailIT extends BrowserTest {

    static final int PER_MESSAGE = 10;

    /** Returns the problems found in the document: scripts, event handlers, script URLs, active elements. */
    static final String DOM_CHECK = """
            () => {
              const bad = [];
              const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'data',
                                'srcset', 'codebase', 'dynsrc', 'lowsrc', 'ping'];
              const scriptUrl = v => /^(javascript|vbscript|livescript|data:text\\/html|data:application\\/xhtml)/
                  .test(v.replace(/[\\u0000-\\u0020]/g, '').toLowerCase());
              const scan = root => {
                for (const el of root.querySelectorAll('*')) {
                  const tag = el.tagName.toLowerCase();
                  // Préau's own: its script files, the body frame, its forms, the frame's <base target>
                  const own = (tag === 'script' && /^\\/(assets\\/js|webjars\\/htmx\\.org\\/dist)\\/[\\w.-]+\\.js$/.test(el.getAttribute('src') || '')
                                 && !el.textContent.trim())
                      || (tag === 'form' && el.getAttribute('method') === 'dialog' && el.closest('dialog.shortcuts'))
                      || (tag === 'iframe' && el.classList.contains('message__frame'))
                      || (tag === 'form' && /^\\/[\\w/-]*$/.test(el.getAttribute('action') || ''))
                      || (tag === 'base' && !el.hasAttribute('href') && el.parentElement === document.head);
                  if (['script', 'iframe', 'frame', 'object', 'embed', 'base', 'form', 'applet'].includes(tag) && !own) {
                    bad.push('<' + tag + '>');
                  }
                  if (tag === 'meta' && el.hasAttribute('http-equiv')) bad.push('<meta http-equiv>');
                  for (const a of el.attributes) {
                    const n = a.name.toLowerCase();
                    if (n.startsWith('on')) bad.push('<' + tag + ' ' + n + '>');
                    if (urlAttrs.includes(n) && scriptUrl(a.value)) bad.push('<' + tag + ' ' + n + '=' + a.value.slice(0, 60) + '>');
                    if (n === 'style' && /javascript:|expression\\(|behavior:|-moz-binding/i.test(a.value)) bad.push('<' + tag + ' style=' + a.value.slice(0, 60) + '>');
                  }
                  if (tag === 'template') scan(el.content);
                }
              };
              scan(document);
              return bad;
            }
            """;

    @Autowired
    SmtpEndpoints smtp;

    @Autowired
    MailFolders folders;

    @Autowired
    MailMessages messages;

    private static Agent agent;
    private static List<Long> ids;
    private static int expectedMessages;

    /** The agent's mailbox with every vector in it, filled once for the class. */
    private synchronized void mailbox() throws Exception {
        if (XssMailIT.agent != null) {
            return;
        }
        Agent agent = agents.active();
        Account account = accounts.byLogin(agent.login()).orElseThrow();
        List<Vector> payloads = XssVectors.payloads();
        assertThat(payloads).as("vectors of the corpus").hasSizeGreaterThan(300);
        int n = 0;
        for (int from = 0; from < payloads.size(); from += PER_MESSAGE) {
            List<Vector> group = payloads.subList(from, Math.min(payloads.size(), from + PER_MESSAGE));
            OutsideMail mail = new OutsideMail(smtp);
            StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>x</title></head><body>");
            List<String> subject = new ArrayList<>();
            int k = 0;
            for (Vector v : group) {
                html.append("\n<p>").append(v.source()).append("</p>\n").append(v.html()).append('\n');
                String line = XssVectors.oneLine(v.html(), 300);
                subject.add(line);
                mail.cc(line, "cc" + (++k) + "@exemple-externe.example");
                mail.attach(XssVectors.oneLine(v.html(), 180), "text/plain",
                        v.source().getBytes(StandardCharsets.UTF_8));
            }
            mail.from(XssVectors.oneLine(group.get(0).html(), 300), "attaquant@exemple-externe.example")
                    .subject(String.join(" | ", subject))
                    .text("vectors " + group.get(0).source() + " to " + group.get(group.size() - 1).source())
                    .html(html.append("</body></html>").toString())
                    .sendTo(account.email());
            n++;
        }
        for (Vector doc : XssVectors.documents()) {
            new OutsideMail(smtp).from(doc.source(), "newsletter@exemple-externe.example").subject(doc.source())
                    .text(doc.source()).html(doc.html()).sendTo(account.email());
            n++;
        }
        XssMailIT.agent = agent;
        expectedMessages = n;
        List<Long> found = new ArrayList<>();
        for (FolderRole role : List.of(FolderRole.INBOX, FolderRole.JUNK)) {
            long folder = folders.byRole(account.id(), role).id();
            messages.list(account.id(), folder, ListOrder.newestFirst(), 0, 1000).messages().stream()
                    .map(MessageSummary::id).forEach(found::add);
        }
        ids = found;
    }

    private long accountId() {
        return accounts.byLogin(agent.login()).orElseThrow().id();
    }

    private BrowserContext watchedContext() {
        return browser.newContext(Viewport.DESKTOP.options().setBaseURL("http://localhost:" + port));
    }

    @Test
    void theProbeCatchesAScriptThatRunsAndARequestToAnotherHost() {
        try (BrowserContext context = watchedContext()) {
            XssProbe probe = new XssProbe(context);
            Page page = context.newPage();
            page.navigate("/login");
            page.evaluate("() => alert('control')");
            // a document without Préau's policy, where an inline handler does run
            page.navigate("about:blank");
            page.setContent("<img src=\"/nothing-here.png\" onerror=\"confirm('inline handler')\">"
                    + "<img src=\"http://exemple-externe.example/pixel.gif\">");
            page.waitForTimeout(300);
            assertThat(probe.hits()).anyMatch(h -> h.contains("control"));
            assertThat(probe.hits()).anyMatch(h -> h.contains("inline handler"));
            assertThat(probe.foreignRequests()).anyMatch(u -> u.contains("exemple-externe.example"));
            assertThat((List<?>) page.evaluate(DOM_CHECK)).isNotEmpty();
        }
    }

    @Test
    void noVectorRunsInTheSimplifiedInterface() throws Exception {
        mailbox();
        assertThat(ids).as("every message delivered").hasSize(expectedMessages);
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = watchedContext()) {
            XssProbe probe = new XssProbe(context);
            Page page = context.newPage();
            LoginPage.open(page).logInSimplified(agent.login(), Agents.PASSWORD);
            Page inspector = context.newPage();
            for (String folderUrl : folderUrls("/simple/mail/folder/")) {
                listPages(page, folderUrl, problems);
            }
            check(page, "/simple/mail/search?q=script", problems);
            for (long id : ids) {
                read(page, "/simple/mail/message/" + id, id, true, problems);
                check(page, "/simple/mail/message/" + id + "/headers", problems);
                check(page, "/simple/mail/message/" + id + "/print", problems);
                check(page, "/simple/mail/compose?reply=" + id, problems);
                check(page, "/simple/mail/compose?forward=" + id, problems);
                checkBody(inspector, id, problems);
            }
            problems.addAll(probe.hits());
            probe.foreignRequests().forEach(u -> problems.add("request to another host: " + u));
        }
        assertThat(problems).as("what the messages managed to do").isEmpty();
    }

    @Test
    void noVectorRunsInTheFullInterface() throws Exception {
        mailbox();
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = watchedContext()) {
            XssProbe probe = new XssProbe(context);
            Page page = context.newPage();
            LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD);
            int status = page.request().get("/app/mail").status();
            Assumptions.assumeTrue(status == 200, "the full interface's mail is not there yet (/app/mail answers "
                    + status + "): run again once it is merged");
            for (String folderUrl : folderUrls("/app/mail/folder/")) {
                listPages(page, folderUrl, problems);
            }
            for (long id : ids) {
                read(page, "/app/mail/message/" + id, id, false, problems);
            }
            problems.addAll(probe.hits());
            probe.foreignRequests().forEach(u -> problems.add("request to another host: " + u));
        }
        assertThat(problems).as("what the messages managed to do").isEmpty();
    }

    private List<String> folderUrls(String prefix) {
        long account = accountId();
        return List.of(prefix + folders.byRole(account, FolderRole.INBOX).id(),
                prefix + folders.byRole(account, FolderRole.JUNK).id());
    }

    private void listPages(Page page, String folderUrl, List<String> problems) {
        for (int p = 1; p <= 5; p++) {
            String url = folderUrl + "?page=" + p;
            Response r = page.navigate(url);
            if (r == null || r.status() != 200) {
                break;
            }
            page.waitForLoadState();
            domProblems(page.mainFrame(), url, problems);
            if (page.locator("a[href*='page=" + (p + 1) + "']").count() == 0) {
                break;
            }
        }
    }

    private void read(Page page, String url, long id, boolean simplified, List<String> problems) {
        Response r = page.navigate(url);
        if (r == null || r.status() != 200) {
            problems.add(url + " answered " + (r == null ? "nothing" : r.status()));
            return;
        }
        page.waitForLoadState();
        domProblems(page.mainFrame(), url, problems);
        if (simplified) {
            Object scripts = page.evaluate("() => document.querySelectorAll('script').length");
            if (!Integer.valueOf(0).equals(scripts)) {
                problems.add(url + ": " + scripts + " <script> in a page of the simplified interface");
            }
        }
        boolean framed = page.frames().stream().anyMatch(f -> f.url().contains("/mail/message/" + id + "/body"));
        if (!framed && page.locator(".message__text").count() == 0) {
            problems.add(url + ": neither the body frame nor the text of the message");
        }
    }

    private void check(Page page, String url, List<String> problems) {
        Response r = page.navigate(url);
        if (r == null || r.status() != 200) {
            problems.add(url + " answered " + (r == null ? "nothing" : r.status()));
            return;
        }
        page.waitForLoadState();
        domProblems(page.mainFrame(), url, problems);
    }

    /** The body frame's document opened on its own, as the sanitiser and the browser left it. */
    private void checkBody(Page inspector, long id, List<String> problems) {
        String url = "/mail/message/" + id + "/body";
        Response r = inspector.navigate(url);
        if (r == null || r.status() != 200) {
            problems.add(url + " answered " + (r == null ? "nothing" : r.status()));
            return;
        }
        inspector.waitForLoadState();
        domProblems(inspector.mainFrame(), url, problems);
    }

    private static void domProblems(Frame frame, String url, List<String> problems) {
        List<?> found = (List<?>) frame.evaluate(DOM_CHECK);
        for (Object f : found) {
            problems.add(url + ": " + f);
        }
    }
}
