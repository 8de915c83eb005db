package fr.preau.browser.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;

/**
 * The web mail as an agent uses it, in either interface: the same steps, driven through the
 * simplified interface's plain forms or the full interface's panes, scripts and drag and drop.
 */
public abstract class WebMail {

    protected final Page page;

    protected WebMail(Page page) {
        this.page = page;
    }

    public static WebMail of(Page page, boolean full) {
        return full ? new Full(page) : new Simple(page);
    }

    public Page page() {
        return page;
    }

    public abstract String base();

    /** From a directory card (already open), follows "Écrire à …" and fills the rest of the form. */
    public void writeFromCard(String subject, String text) {
        page.locator("a[href*='/mail/compose?to=']").click();
        page.waitForURL("**/mail/compose?to=**");
        fillCompose(subject, text);
    }

    protected void fillCompose(String subject, String text) {
        page.locator("#subject").fill(subject);
        page.locator("#text").fill(text);
    }

    /** Sends the compose form; the next page says it was sent. */
    public String send() {
        page.locator("button[name=action][value=send]").click();
        page.waitForURL("**/mail/folder/**");
        return page.locator(".alert--success").innerText().strip();
    }

    public void openInbox() {
        page.navigate(base() + "/mail");
    }

    /** Opens the message of the list whose subject is this one. */
    public abstract void open(String subject);

    public abstract String readingText();

    /** Replies to the message being read, attaching a file. */
    public abstract void replyWithAttachment(String text, Path file);

    public abstract List<String> attachmentNames();

    public void createFolder(String name) {
        page.navigate(base() + "/mail/folders");
        page.locator("form[action$='/mail/folders/create'] input[name=name]").fill(name);
        page.locator("form[action$='/mail/folders/create'] button[type=submit]").click();
        assertThat(page.locator(".alert--success")).isVisible();
    }

    /** Moves the message with this subject from the current list into the folder. */
    public abstract void moveToFolder(String subject, String folder);

    public abstract void search(String words);

    public List<String> listedSubjects() {
        return page.locator(base().equals("/app") ? ".message-row__subject" : ".message-list__subject").allInnerTexts()
                .stream().map(s -> s.replaceFirst("^(Non lu :|Unread:)\\s*", "").strip()).toList();
    }

    /** Deletes the message being read (into Corbeille). */
    public abstract void deleteOpen();

    public abstract void openFolder(String label);

    public abstract void emptyTrash();

    public static final class Simple extends WebMail {
        Simple(Page page) {
            super(page);
        }

        @Override
        public String base() {
            return "/simple";
        }

        @Override
        public void open(String subject) {
            page.locator(".message-list__link", new Page.LocatorOptions().setHasText(subject)).first().click();
            assertThat(page.locator("h1.message__subject")).hasText(subject);
        }

        @Override
        public String readingText() {
            Locator text = page.locator(".message__text");
            if (text.count() > 0) {
                return text.innerText();
            }
            return page.frameLocator(".message__frame").locator("body").innerText();
        }

        @Override
        public void replyWithAttachment(String text, Path file) {
            page.locator(".message__actions a[href*='reply=']").click();
            page.locator("#text").fill(text + "\n\n" + page.locator("#text").inputValue());
            page.locator("#attachments").setInputFiles(file);
            page.locator("button[name=action][value=attach]").click();
            assertThat(page.locator(".compose__attachments li")).containsText(file.getFileName().toString());
        }

        @Override
        public List<String> attachmentNames() {
            return page.locator(".attachments__list li a[download]").allInnerTexts();
        }

        @Override
        public void moveToFolder(String subject, String folder) {
            Locator row = page.locator(".message-list__item", new Page.LocatorOptions().setHasText(subject));
            row.locator("input[type=checkbox]").check();
            page.locator("#action").selectOption("move");
            page.locator("#target").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(folder));
            page.locator(".list-actions button[type=submit]").click();
            assertThat(page.locator(".alert--success")).isVisible();
        }

        @Override
        public void search(String words) {
            page.locator("#quick-search").fill(words);
            page.locator(".mail-search button[type=submit]").click();
            page.waitForURL("**/mail/search?**");
        }

        @Override
        public void deleteOpen() {
            page.locator(".message__tools button[value=delete]").click();
            assertThat(page.locator(".alert--success")).isVisible();
        }

        @Override
        public void openFolder(String label) {
            Locator link = page.locator(".mail-nav__folders a", new Page.LocatorOptions().setHasText(label)).first();
            String href = link.getAttribute("href");
            link.click();
            page.waitForURL("**" + href);
        }

        @Override
        public void emptyTrash() {
            page.locator("form[action$='/trash/empty'] button").click();
            assertThat(page.locator(".alert--success")).isVisible();
        }
    }

    public static final class Full extends WebMail {
        Full(Page page) {
            super(page);
            page.onDialog(dialog -> dialog.accept());
        }

        @Override
        public String base() {
            return "/app";
        }

        @Override
        protected void fillCompose(String subject, String text) {
            page.locator("#subject").fill(subject);
            Locator editor = page.locator("[data-editor-area]");
            editor.click();
            editor.pressSequentially(text);
        }

        @Override
        public void open(String subject) {
            page.locator(".message-row__link", new Page.LocatorOptions().setHasText(subject)).first().click();
            assertThat(page.locator("#message-subject")).hasText(subject);
        }

        @Override
        public String readingText() {
            Locator text = page.locator("#reading-pane .message__text");
            if (text.count() > 0) {
                return text.innerText();
            }
            return page.frameLocator("#reading-pane .message__frame").locator("body").innerText();
        }

        @Override
        public void replyWithAttachment(String text, Path file) {
            page.locator("#reading-pane a[data-shortcut=r]").click();
            page.waitForURL("**/mail/compose?reply=**");
            Locator editor = page.locator("[data-editor-area]");
            editor.click();
            page.keyboard().press("Control+Home");
            editor.pressSequentially(text);
            page.locator("#attachments").setInputFiles(file);
            // uploaded by the script, with a progress bar, then listed with the others
            assertThat(page.locator(".compose__attachments li")).containsText(file.getFileName().toString());
        }

        @Override
        public List<String> attachmentNames() {
            return page.locator("#reading-pane .attachment-card__name").allInnerTexts();
        }

        @Override
        public void moveToFolder(String subject, String folder) {
            Locator row = page.locator(".message-row", new Page.LocatorOptions().setHasText(subject)).first();
            Locator target = page.locator(".folder-tree__item a", new Page.LocatorOptions().setHasText(folder)).first();
            row.dragTo(target);
            assertThat(page.locator("#list-pane .alert--success")).isVisible();
        }

        @Override
        public void search(String words) {
            page.locator("#quick-search").fill(words);
            page.locator("#quick-search").press("Enter");
            page.waitForURL("**/mail/search?**");
            assertThat(page.locator("#list-title")).isVisible();
        }

        @Override
        public void deleteOpen() {
            page.locator("#reading-pane button[value=delete]").click();
            assertThat(page.locator("#list-pane .alert--success")).isVisible();
            assertThat(page.locator("#reading-pane")).not().hasAttribute("data-message", java.util.regex.Pattern.compile(".*"));
        }

        @Override
        public void openFolder(String label) {
            Locator link = page.locator(".folder-tree__item a", new Page.LocatorOptions().setHasText(label)).first();
            String href = link.getAttribute("href");
            link.click();
            page.waitForURL("**" + href);
            assertThat(page.locator("#list-pane")).hasAttribute("data-folder", href.substring(href.lastIndexOf('/') + 1));
        }

        @Override
        public void emptyTrash() {
            // the live update of the list (the message just moved into Corbeille) may replace the
            // pane under the click: click again while the button is still there
            Locator done = page.locator(".alert--success");
            Locator button = page.locator("#list-pane .list-pane__empty button");
            for (int attempt = 0; attempt < 3 && done.count() == 0; attempt++) {
                if (button.count() > 0) {
                    button.click();
                }
                try {
                    done.waitFor(new Locator.WaitForOptions().setTimeout(4000));
                } catch (com.microsoft.playwright.TimeoutError notYet) {
                    // try again
                }
            }
            assertThat(done).isVisible();
        }
    }
}
