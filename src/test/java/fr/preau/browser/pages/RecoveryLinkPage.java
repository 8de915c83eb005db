package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code /recovery/link/…}: a reset link, with its button when it is good, else why not. */
public final class RecoveryLinkPage extends PreauPage {

    public RecoveryLinkPage(Page page, String path) {
        super(page, path);
    }

    /** Opens a link by its path (the public URL of the tests is not the server's). */
    public static RecoveryLinkPage open(Page page, String path) {
        page.navigate(path);
        return new RecoveryLinkPage(page, path);
    }

    /** "Choisir mon nouveau mot de passe". */
    public RecoveryPasswordPage proceed() {
        page.locator("main form button[type=submit]").click();
        return new RecoveryPasswordPage(page);
    }

    /** Why the link does not work (title and text), or empty when it does. */
    public String problem() {
        Locator problem = page.locator("#recovery-link-problem");
        return problem.count() == 0 ? "" : problem.innerText().strip();
    }

    public Locator askAgain() {
        return page.locator("main a[href='/recovery'].button");
    }
}
