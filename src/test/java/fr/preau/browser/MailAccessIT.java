package fr.preau.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.LoginPage;
import fr.preau.delivery.SmtpEndpoints;
import fr.preau.identity.Account;
import fr.preau.mail.Folder;
import fr.preau.mail.FolderRole;
import fr.preau.mail.ListOrder;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.mime.Attachment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Agent B, signed in, tries agent A's message and folder ids on every route of the web mail
 * that takes one — pages, downloads, the body frame, compose starts, and every form post —
 * and always gets the same 404 as for an id that does not exist, never a page or file of A's;
 * A's mailbox is exactly as it was afterwards.
 */
class MailAccessIT extends BrowserTest {

    static final long UNKNOWN = 987_654_321L;
    static final String SECRET = "Dossier médical confidentiel de l’élève";

    @Autowired
    SmtpEndpoints smtp;

    @Autowired
    MailFolders folders;

    @Autowired
    MailMessages messages;

    /** What A has: every folder and every message with its flags and modification sequence. */
    private record Snapshot(List<Folder> folders, List<MessageSummary> messages) {}

    private Snapshot snapshot(long accountId) {
        List<Folder> all = folders.list(accountId);
        List<MessageSummary> summaries = new ArrayList<>();
        for (Folder f : all) {
            summaries.addAll(messages.list(accountId, f.id(), ListOrder.newestFirst(), 0, 1000).messages());
        }
        return new Snapshot(all, summaries);
    }

    @Test
    void anotherAccountsIdsAreNotFound() throws Exception {
        Agent a = agents.active();
        Agent b = agents.active();
        Account accountA = accounts.byLogin(a.login()).orElseThrow();
        Account accountB = accounts.byLogin(b.login()).orElseThrow();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        new OutsideMail(smtp).subject(SECRET).text(SECRET).html("<p>" + SECRET + "</p>")
                .attach("bulletin.pdf", "application/pdf", "%PDF-1.4 secret".getBytes(StandardCharsets.US_ASCII))
                .attach("photo.png", "image/png", png)
                .sendTo(accountA.email());
        new OutsideMail(smtp).subject("Message de B").text("pour B").sendTo(accountB.email());
        long inboxA = folders.byRole(accountA.id(), FolderRole.INBOX).id();
        long projectsA = folders.create(accountA.id(), null, "Projets").id();
        long inboxB = folders.byRole(accountB.id(), FolderRole.INBOX).id();
        long m = messages.list(accountA.id(), inboxA, ListOrder.newestFirst(), 0, 1).messages().get(0).id();
        long mineB = messages.list(accountB.id(), inboxB, ListOrder.newestFirst(), 0, 1).messages().get(0).id();
        List<Attachment> parts = messages.structure(accountA.id(), m).attachments();
        String pdf = parts.stream().filter(x -> x.filename().endsWith(".pdf")).findFirst().orElseThrow().path();
        String image = parts.stream().filter(x -> x.filename().endsWith(".png")).findFirst().orElseThrow().path();
        Snapshot before = snapshot(accountA.id());

        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.newContext(Viewport.DESKTOP.options().setBaseURL("http://localhost:" + port))) {
            Page page = context.newPage();
            LoginPage.open(page).logInSimplified(b.login(), Agents.PASSWORD);
            APIRequestContext http = context.request();
            boolean full = http.get("/app/mail").status() == 200;
            page.navigate("/simple/mail/folders");
            String csrfName = page.locator("form[method=post] input[type=hidden]").first().getAttribute("name");
            String csrf = page.locator("form[method=post] input[type=hidden]").first().getAttribute("value");

            List<String> gets = new ArrayList<>(List.of(
                    "/simple/mail/folder/{F}", "/simple/mail/folder/{F}?page=2&sort=subject",
                    "/simple/mail/message/{M}", "/simple/mail/message/{M}?images=true",
                    "/simple/mail/message/{M}?view=text", "/simple/mail/message/{M}/nested?path=2",
                    "/simple/mail/message/{M}/headers", "/simple/mail/message/{M}/print", "/app/mail/message/{M}/print",
                    "/simple/mail/compose?reply={M}", "/simple/mail/compose?reply-all={M}",
                    "/simple/mail/compose?forward={M}", "/simple/mail/compose?forward-attached={M}",
                    "/simple/mail/compose?edit={M}", "/simple/mail/compose?draft={M}",
                    "/simple/mail/search?q=confidentiel&folder={F}",
                    "/mail/message/{M}/body", "/mail/message/{M}/body?images=true", "/mail/message/{M}/body?path=2",
                    "/mail/message/{M}/attachment?path=" + pdf, "/mail/message/{M}/attachment?path=" + pdf + "&inline=true",
                    "/mail/message/{M}/attachment?path=" + image + "&inline=true",
                    "/mail/message/{M}/inline?path=" + image, "/mail/message/{M}/attachments.zip",
                    "/mail/message/{M}/eml", "/mail/message/{M}/headers"));
            if (full) {
                gets.addAll(List.of("/app/mail/folder/{F}", "/app/mail/message/{M}", "/app/mail/compose?reply={M}",
                        "/app/mail/compose?forward={M}", "/app/mail/compose?draft={M}"));
            }
            for (String route : gets) {
                for (long f : List.of(inboxA, projectsA)) {
                    String url = route.replace("{F}", String.valueOf(f)).replace("{M}", String.valueOf(m));
                    String unknown = route.replace("{F}", String.valueOf(UNKNOWN)).replace("{M}", String.valueOf(UNKNOWN));
                    compare(problems, "GET " + url, http.get(url, RequestOptions.create().setMaxRedirects(0)),
                            http.get(unknown, RequestOptions.create().setMaxRedirects(0)), f, m, false);
                    if (!route.contains("{F}")) {
                        break;
                    }
                }
            }

            List<Map.Entry<String, Fields>> posts = new ArrayList<>();
            for (String action : List.of("read", "unread", "flag", "unflag", "archive", "spam", "not-spam", "delete")) {
                posts.add(Map.entry("/simple/mail/act", form(csrfName, csrf).set("id", "{M}").set("action", action)));
            }
            posts.add(Map.entry("/simple/mail/act", form(csrfName, csrf).set("id", "{M}").set("action", "move")
                    .set("target", String.valueOf(inboxB))));
            // B's own message into A's folder
            posts.add(Map.entry("/simple/mail/act", form(csrfName, csrf).set("id", String.valueOf(mineB))
                    .set("action", "move").set("target", "{F}")));
            posts.add(Map.entry("/simple/mail/message/{M}/trust-sender", form(csrfName, csrf)));
            posts.add(Map.entry("/simple/mail/folders/{F}/rename", form(csrfName, csrf).set("name", "Pris")));
            posts.add(Map.entry("/simple/mail/folders/{F}/delete", form(csrfName, csrf).set("confirmed", "true")));
            posts.add(Map.entry("/simple/mail/folders/create", form(csrfName, csrf).set("name", "Intrus").set("parent", "{F}")));
            posts.add(Map.entry("/simple/mail/compose", form(csrfName, csrf).set("draft", "{M}").set("action", "save")
                    .set("subject", "x")));
            posts.add(Map.entry("/simple/mail/compose", form(csrfName, csrf).set("draft", "{M}").set("action", "discard")));
            for (var post : posts) {
                String url = post.getKey().replace("{F}", String.valueOf(projectsA)).replace("{M}", String.valueOf(m));
                String unknownUrl = post.getKey().replace("{F}", String.valueOf(UNKNOWN)).replace("{M}", String.valueOf(UNKNOWN));
                compare(problems, "POST " + url + " " + post.getValue(),
                        http.post(url, RequestOptions.create().setForm(post.getValue().resolve(projectsA, m)).setMaxRedirects(0)),
                        http.post(unknownUrl, RequestOptions.create().setForm(post.getValue().resolve(UNKNOWN, UNKNOWN))
                                .setMaxRedirects(0)), projectsA, m, true);
            }
            // the list's action button reports the refusal on the page it goes back to
            http.post("/simple/mail/act", RequestOptions.create().setMaxRedirects(0).setForm(form(csrfName, csrf)
                    .set("id", "{M}").set("action", "delete").set("back", "/simple/mail/folder/" + inboxB)
                    .resolve(projectsA, m)));
            page.navigate("/simple/mail/folder/" + inboxB);
            assertThat(page.locator("main").innerText()).contains(fr("webmail.error.gone"));
            // sending while claiming to answer and forward A's message: sent or not, A's flags must not move
            http.post("/simple/mail/compose", RequestOptions.create().setMaxRedirects(0).setForm(form(csrfName, csrf)
                    .set("to", accountB.email()).set("subject", "Re").set("text", "x").set("action", "send")
                    .set("replied", "{M}").set("forwarded", "{M}").resolve(projectsA, m)));
            assertThat(messages.get(accountB.id(), mineB).folderId()).as("B's own message stays in B's inbox").isEqualTo(inboxB);
        }
        assertThat(problems).as("routes that told B something about A's mail").isEmpty();
        assertThat(snapshot(accountA.id())).as("A's mailbox after B's tries").isEqualTo(before);
    }

    /** Form fields kept as a list (Playwright's form data cannot be read back), with {F} and {M} to fill in. */
    private record Fields(List<String[]> list) {
        Fields set(String name, String value) {
            list.add(new String[] {name, value});
            return this;
        }

        FormData resolve(long folder, long message) {
            FormData out = FormData.create();
            for (String[] kv : list) {
                out.set(kv[0], kv[1].replace("{F}", String.valueOf(folder)).replace("{M}", String.valueOf(message)));
            }
            return out;
        }

        @Override
        public String toString() {
            return list.stream().filter(kv -> !kv[0].startsWith("_")).map(kv -> kv[0] + "=" + kv[1]).toList().toString();
        }
    }

    private static Fields form(String csrfName, String csrf) {
        return new Fields(new ArrayList<>()).set(csrfName, csrf);
    }

    /**
     * B's answer for A's id must be the one for an id that exists nowhere, and say nothing of
     * A's mail: a 404 for a page or a file; a form post that reports its refusals (the list's
     * action button, a folder or draft form) may instead answer that refusal, a redirect or the
     * form again saying the message or folder does not exist, exactly as for an unknown id.
     */
    private void compare(List<String> problems, String what, APIResponse other, APIResponse unknown, long f, long m,
                         boolean refusalAllowed) {
        String body = normalise(new String(other.body(), StandardCharsets.UTF_8), f, m);
        String unknownBody = normalise(new String(unknown.body(), StandardCharsets.UTF_8), f, m);
        boolean refusal = refusalAllowed && (other.status() == 302 || other.status() == 200 && (
                body.contains(fr("mail.error.message-not-found")) || body.contains(fr("mail.error.folder-not-found"))));
        if (other.status() != 404 && !refusal) {
            problems.add(what + " answered " + other.status()
                    + (other.status() / 100 == 3 ? " to " + other.headers().get("location") : ""));
        }
        if (unknown.status() != other.status()
                || !String.valueOf(other.headers().get("location")).equals(String.valueOf(unknown.headers().get("location")))) {
            problems.add(what + " answered " + other.status() + " but " + unknown.status() + " for an unknown id");
        }
        if (body.contains(SECRET) || body.contains("Projets") || body.contains("%PDF") || body.contains("bulletin.pdf")) {
            problems.add(what + " showed A's data");
        }
        if (!body.equals(unknownBody)) {
            problems.add(what + " answered differently than for an unknown id");
        }
    }

    /** The answer with its CSRF tokens (masked afresh each time) and the ids tried taken out. */
    private static String normalise(String body, long f, long m) {
        String out = body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"");
        for (long id : List.of(f, m, UNKNOWN)) {
            out = out.replaceAll("(?<!\\d)" + id + "(?!\\d)", "ID");
        }
        return out;
    }
}
