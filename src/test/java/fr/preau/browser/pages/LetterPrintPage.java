package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The printable activation letter the console answers with (the code is on it once). */
public final class LetterPrintPage {

    private final Page page;

    public LetterPrintPage(Page page) {
        this.page = page;
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#letter")).isVisible();
    }

    public String code() {
        return page.locator("#letter-code").innerText().strip();
    }

    public String text() {
        return page.locator("#letter").innerText();
    }

    public Locator printButton() {
        return page.locator("button[data-print]");
    }

    public SupportRequestPage back(String reference) {
        page.locator("a[href='/support/requests/" + reference + "']").click();
        return new SupportRequestPage(page, reference);
    }
}
