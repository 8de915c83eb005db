package fr.preau.browser.pages;

import com.microsoft.playwright.Page;
import java.util.List;

/** {@code /recovery/questions}: the agent's own questions, once the e-mail code is proven. */
public final class RecoveryQuestionsPage extends PreauPage {

    public RecoveryQuestionsPage(Page page) {
        super(page, "/recovery/questions");
    }

    /** The questions' labels, in order. */
    public List<String> questions() {
        return page.locator("form[action='/recovery/questions'] label").allInnerTexts().stream().map(String::strip).toList();
    }

    private void submit(List<String> answers) {
        for (int i = 0; i < answers.size(); i++) {
            page.locator("#answer" + (i + 1)).fill(answers.get(i));
        }
        page.locator("form[action='/recovery/questions'] button[type=submit]").click();
        page.waitForLoadState();
    }

    public RecoveryQuestionsPage attempt(List<String> answers) {
        submit(answers);
        return new RecoveryQuestionsPage(page);
    }

    public RecoveryPasswordPage answer(List<String> answers) {
        submit(answers);
        return new RecoveryPasswordPage(page);
    }

    public String answerValue(int n) {
        return page.locator("#answer" + n).inputValue();
    }
}
