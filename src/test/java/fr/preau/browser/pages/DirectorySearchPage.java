package fr.preau.browser.pages;

import com.microsoft.playwright.Page;
import java.util.List;

/** {@code /app/annuaire} or {@code /simple/annuaire}: the staff directory's search form and results. */
public final class DirectorySearchPage extends PreauPage {

    private final String base;

    public DirectorySearchPage(Page page, String base) {
        super(page, base);
        this.base = base;
    }

    /** Opens the directory of the full ({@code /app}) or simplified ({@code /simple}) interface. */
    public static DirectorySearchPage open(Page page, String interfacePath) {
        page.navigate(interfacePath + "/annuaire");
        return new DirectorySearchPage(page, interfacePath + "/annuaire");
    }

    public DirectorySearchPage search(String name) {
        page.locator("#name").fill(name);
        return submit();
    }

    public DirectorySearchPage department(String label) {
        page.locator("#department").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(label));
        return this;
    }

    public DirectorySearchPage role(String label) {
        page.locator("#role").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(label));
        return this;
    }

    public DirectorySearchPage submit() {
        page.locator("form[role=search] button[type=submit]").click();
        page.waitForLoadState();
        return new DirectorySearchPage(page, base);
    }

    /** The names of the results as listed ("Lefèvre Hélène"). */
    public List<String> names() {
        return page.locator(".directory-list__name").allInnerTexts().stream().map(String::strip).toList();
    }

    /** Each result's whole line: name, role, établissement, address. */
    public List<String> results() {
        return page.locator(".directory-list__item").allInnerTexts();
    }

    public String count() {
        return page.locator("#directory-results [role=status]").first().innerText().strip();
    }

    public DirectoryCardPage openCard(String listedName) {
        page.locator(".directory-list__name", new Page.LocatorOptions().setHasText(listedName)).first().click();
        page.waitForLoadState();
        return new DirectoryCardPage(page, base);
    }

    public int scriptCount() {
        return page.locator("script").count();
    }
}
