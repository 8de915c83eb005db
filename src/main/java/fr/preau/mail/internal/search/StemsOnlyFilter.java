package fr.preau.mail.internal.search;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Keeps only the stems that differ from the word: after {@code KeywordRepeatFilter}, a
 * stemmer and {@code RemoveDuplicatesTokenFilter}, the original words are the tokens marked
 * as keywords, and a stem equal to its word was removed as a duplicate. A stem sub-field
 * thus holds only what the plain field does not, which keeps the index small; queries look
 * a stem up in both.
 */
final class StemsOnlyFilter extends FilteringTokenFilter {

    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    StemsOnlyFilter(TokenStream input) {
        super(input);
    }

    @Override
    protected boolean accept() {
        return !keyword.isKeyword();
    }
}
