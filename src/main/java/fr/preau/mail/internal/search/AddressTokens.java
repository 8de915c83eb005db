package fr.preau.mail.internal.search;

import fr.preau.mail.internal.search.IndexedMessage.Addr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The terms of an address field. For {@code "Jean Dupont" <jean.dupont@ac-dijon.fr>}: the
 * display-name words {@code jean dupont} one after the other (so that a quoted name is a
 * phrase), then a few positions further, all at one position, the full address {@code jean.dupont@ac-dijon.fr}, the local
 * part {@code jean.dupont}, the domain {@code ac-dijon.fr}, its parent domains, and the pieces
 * of both split on {@code . _ + -}. Everything folded like text. Addresses of one header are
 * kept apart by a position gap, so that a phrase never spans two people.
 */
final class AddressTokens {

    /** More recipients than this (mass mailings) are not all indexed. */
    static final int MAX_ADDRESSES = 500;
    private static final int MAX_TERM_LENGTH = 254;
    private static final int GAP = 100;
    /** Between the name and the address forms: no phrase runs from one into the other. */
    private static final int NAME_GAP = 10;

    private final Analysis analysis;

    AddressTokens(Analysis analysis) {
        this.analysis = analysis;
    }

    /** The token stream of one address field holding these addresses. */
    TokenStream stream(List<Addr> addresses) {
        List<String> terms = new ArrayList<>();
        List<Integer> increments = new ArrayList<>();
        int count = 0;
        for (Addr addr : addresses) {
            if (addr == null) {
                continue;
            }
            if (++count > MAX_ADDRESSES) {
                break;
            }
            int increment = terms.isEmpty() ? 1 : GAP;
            boolean named = false;
            for (String word : Analysis.terms(analysis.names(), addr.name())) {
                terms.add(word);
                increments.add(increment);
                increment = 1;
                named = true;
            }
            increment = named ? NAME_GAP : increment;
            for (String form : forms(addr.address())) {
                terms.add(form);
                increments.add(increment);
                increment = 0;
            }
        }
        return new ListStream(terms, increments);
    }

    /** The forms under which an address can be found; empty for a blank address. */
    static Set<String> forms(String address) {
        Set<String> forms = new LinkedHashSet<>();
        String full = term(address);
        if (full.isEmpty()) {
            return forms;
        }
        forms.add(full);
        int at = full.lastIndexOf('@');
        String local = at < 0 ? full : full.substring(0, at);
        String domain = at < 0 ? "" : full.substring(at + 1);
        addIfPresent(forms, term(local));
        addIfPresent(forms, term(domain));
        for (int dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
            addIfPresent(forms, term(domain.substring(dot + 1)));
        }
        for (String piece : local.split("[._+\\-]+")) {
            addIfPresent(forms, term(piece));
        }
        for (String piece : domain.split("[.\\-]+")) {
            addIfPresent(forms, term(piece));
        }
        return forms;
    }

    /**
     * A typed word as an address term: folded, without the punctuation around it
     * ({@code <Jean.Dupont@AC-Dijon.fr>,} → {@code jean.dupont@ac-dijon.fr}).
     */
    static String term(String word) {
        String folded = Folding.fold(word == null ? "" : word.strip());
        int start = 0;
        int end = folded.length();
        while (start < end && !Character.isLetterOrDigit(folded.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(folded.charAt(end - 1))) {
            end--;
        }
        String term = folded.substring(start, end);
        return term.length() > MAX_TERM_LENGTH ? term.substring(0, MAX_TERM_LENGTH) : term;
    }

    private static void addIfPresent(Set<String> forms, String term) {
        if (!term.isEmpty()) {
            forms.add(term);
        }
    }

    /** A token stream over terms computed beforehand. */
    private static final class ListStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final List<String> terms;
        private final List<Integer> increments;
        private int next;

        ListStream(List<String> terms, List<Integer> increments) {
            this.terms = terms;
            this.increments = increments;
        }

        @Override
        public boolean incrementToken() {
            if (next >= terms.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(terms.get(next));
            increment.setPositionIncrement(increments.get(next));
            next++;
            return true;
        }

        @Override
        public void reset() {
            next = 0;
        }
    }
}
