package fr.preau.admin.letters;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What the {@code admin/activation-letters.jte} template renders: the letters, one per page,
 * the stylesheet to embed (the file is opened from disk, without the server), and the
 * translations ({@code cli.letter.*} keys) in the letters' language.
 */
public record LetterBook(String title, String issuedOn, String css, List<Letter> letters,
                         MessageSource messages, Locale locale) {

    public String t(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, key, locale);
    }

    public String lang() {
        return locale.getLanguage();
    }
}
