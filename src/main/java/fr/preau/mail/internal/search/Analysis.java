package fr.preau.mail.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The analyzers of the index, the same at index and query time.
 *
 * <ul>
 *   <li>Text (subject, body, attachment text): Unicode word boundaries (UAX #29), French
 *       elision removed ({@code l'école} → {@code école}, also with ’), English possessive
 *       removed, lower case, ASCII folding, combining marks dropped. No stop words (phrases
 *       keep every word).</li>
 *   <li>File names: split on white space, then on {@code . _ -} and other punctuation, on
 *       case changes and between letters and digits ({@code CompteRendu_2024.pdf} →
 *       compte rendu 2024 pdf), then folded like text.</li>
 *   <li>{@code .fr} / {@code .en} sub-fields: the same words through the French light stemmer
 *       or the English minimal (plural) stemmer, keeping only stems that differ from the word
 *       ({@link StemsOnlyFilter}). The language of a message is not known: both apply.</li>
 * </ul>
 * Address fields are not analysed here: {@link AddressTokens} builds their terms.
 */
final class Analysis {

    /** Longer tokens (URLs, base64 runs) are split: they are never searched. */
    private static final int MAX_TOKEN_LENGTH = 100;
    private static final int POSITION_GAP = 100;

    enum Variant { PLAIN, FRENCH, ENGLISH }

    private final Analyzer text = analyzer(Analysis::textWords, Variant.PLAIN);
    private final Analyzer textFrench = analyzer(Analysis::textWords, Variant.FRENCH);
    private final Analyzer textEnglish = analyzer(Analysis::textWords, Variant.ENGLISH);
    private final Analyzer fileName = analyzer(Analysis::fileNameWords, Variant.PLAIN);
    private final Analyzer fileNameFrench = analyzer(Analysis::fileNameWords, Variant.FRENCH);
    private final Analyzer fileNameEnglish = analyzer(Analysis::fileNameWords, Variant.ENGLISH);
    private final Analyzer perField;

    Analysis() {
        Map<String, Analyzer> fields = new java.util.HashMap<>();
        for (String field : List.of(Fields.SUBJECT, Fields.BODY, Fields.ATTACHMENT_TEXT)) {
            fields.put(field, text);
            fields.put(Fields.french(field), textFrench);
            fields.put(Fields.english(field), textEnglish);
        }
        fields.put(Fields.ATTACHMENT_NAME, fileName);
        fields.put(Fields.french(Fields.ATTACHMENT_NAME), fileNameFrench);
        fields.put(Fields.english(Fields.ATTACHMENT_NAME), fileNameEnglish);
        perField = new PerFieldAnalyzerWrapper(text, fields);
    }

    /** The analyzer of the index writer, choosing by field name. */
    Analyzer perField() {
        return perField;
    }

    /** The analyzer of a text field (not address fields) in one variant. */
    Analyzer analyzer(String field, Variant variant) {
        boolean file = field.equals(Fields.ATTACHMENT_NAME);
        return switch (variant) {
            case PLAIN -> file ? fileName : text;
            case FRENCH -> file ? fileNameFrench : textFrench;
            case ENGLISH -> file ? fileNameEnglish : textEnglish;
        };
    }

    /** The words of display names and of address queries: text analysis, unstemmed. */
    Analyzer names() {
        return text;
    }

    /** The terms an analyzer makes of a text, in order (our analyzers never skip positions). */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private record Words(Tokenizer source, TokenStream words) {}

    private static Words textWords() {
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setMaxTokenLength(MAX_TOKEN_LENGTH);
        TokenStream words = new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
        words = new EnglishPossessiveFilter(words);
        return new Words(tokenizer, folded(words));
    }

    private static Words fileNameWords() {
        Tokenizer tokenizer = new WhitespaceTokenizer(WhitespaceTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, MAX_TOKEN_LENGTH);
        TokenStream words = new WordDelimiterGraphFilter(tokenizer,
                WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                        | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS,
                null);
        return new Words(tokenizer, folded(words));
    }

    private static TokenStream folded(TokenStream words) {
        return new CombiningMarkFilter(new ASCIIFoldingFilter(new LowerCaseFilter(words)));
    }

    private static TokenStream stems(TokenStream words, Variant variant) {
        TokenStream repeated = new KeywordRepeatFilter(words);
        TokenStream stemmed = switch (variant) {
            case PLAIN -> throw new IllegalArgumentException();
            case FRENCH -> new FrenchLightStemFilter(repeated);
            case ENGLISH -> new EnglishMinimalStemFilter(repeated);
        };
        return new StemsOnlyFilter(new RemoveDuplicatesTokenFilter(stemmed));
    }

    private static Analyzer analyzer(java.util.function.Supplier<Words> chain, Variant variant) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Words words = chain.get();
                TokenStream out = variant == Variant.PLAIN ? words.words() : stems(words.words(), variant);
                return new TokenStreamComponents(words.source(), out);
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return POSITION_GAP;
            }
        };
    }
}
