package fr.preau.mail.internal.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops combining marks left in a token after ASCII folding, so that text written decomposed
 * ("e" + U+0301, as some Mac clients send it) is folded like precomposed text.
 */
final class CombiningMarkFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    CombiningMarkFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        int kept = 0;
        for (int i = 0; i < length; i++) {
            if (!Folding.isCombiningMark(buffer[i])) {
                buffer[kept++] = buffer[i];
            }
        }
        term.setLength(kept);
        return true;
    }
}
