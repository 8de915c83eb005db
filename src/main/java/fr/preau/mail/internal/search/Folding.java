package fr.preau.mail.internal.search;

import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Case and accent folding of plain strings, the same as the analyzers apply to words:
 * lower case, then Lucene's ASCII folding (é → e, ç → c, œ → oe, ß → ss), then combining
 * marks dropped (for text written decomposed, e + U+0301).
 */
final class Folding {

    static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char[] input = text.toLowerCase(Locale.ROOT).toCharArray();
        char[] output = new char[input.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(input, 0, output, 0, input.length);
        int kept = 0;
        for (int i = 0; i < length; i++) {
            if (!isCombiningMark(output[i])) {
                output[kept++] = output[i];
            }
        }
        return new String(output, 0, kept);
    }

    static boolean isCombiningMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private Folding() {}
}
