package fr.preau.mail.internal.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns {@link Criteria} into a Lucene query, programmatically: user text never reaches a
 * query parser. Always a required filter on the account. Each typed word must match in one of
 * the fields of its criterion (a disjunction over fields and over the word, its French stem and
 * its English stem; the exact word scores higher); an excluded word must match in none.
 * The number of terms is bounded ({@link #MAX_TERMS}) below Lucene's clause limit: words past
 * the budget are left out rather than failing the search.
 */
final class QueryFactory {

    static final int MAX_TERMS = 800;
    private static final int MAX_PHRASE_TERMS = 12;
    private static final int MIN_PREFIX = 2;
    private static final float STEM_WEIGHT = 0.5f;
    private static final float PREFIX_WEIGHT = 0.3f;
    private static final float TIE_BREAKER = 0.1f;

    private record Target(String field, boolean address, float boost) {}

    private static final List<Target> ALL_TEXT = List.of(
            new Target(Fields.SUBJECT, false, 3f),
            new Target(Fields.FROM, true, 2f),
            new Target(Fields.TO, true, 1f),
            new Target(Fields.BODY, false, 1f),
            new Target(Fields.ATTACHMENT_NAME, false, 2f),
            new Target(Fields.ATTACHMENT_TEXT, false, 0.5f));

    private final Analysis analysis;

    QueryFactory(Analysis analysis) {
        this.analysis = analysis;
    }

    Query build(long accountId, Criteria c) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new TermQuery(MessageDocument.accountTerm(accountId)), Occur.FILTER);
        int[] budget = {MAX_TERMS};
        text(query, c.text(), c.prefix(), ALL_TEXT, budget);
        text(query, c.from(), false, List.of(new Target(Fields.FROM, true, 1f)), budget);
        text(query, c.to(), false, List.of(new Target(Fields.TO, true, 1f)), budget);
        text(query, c.subject(), false, List.of(new Target(Fields.SUBJECT, false, 1f)), budget);
        text(query, c.body(), false, List.of(new Target(Fields.BODY, false, 1f)), budget);
        text(query, c.attachmentName(), false, List.of(new Target(Fields.ATTACHMENT_NAME, false, 1f)), budget);

        if (c.folderIds() != null) {
            query.add(c.folderIds().isEmpty() ? new MatchNoDocsQuery("no folder")
                    : NumericDocValuesField.newSlowSetQuery(Fields.FOLDER,
                            c.folderIds().stream().mapToLong(Long::longValue).toArray()), Occur.FILTER);
        }
        if (c.since() != null || c.until() != null) {
            query.add(LongField.newRangeQuery(Fields.DATE, start(c.since()), end(c.until())), Occur.FILTER);
        }
        Query flags = flags(c);
        if (flags != null) {
            query.add(flags, Occur.FILTER);
        }
        if (c.hasAttachment() != null) {
            query.add(new TermQuery(new Term(Fields.ATTACHED, c.hasAttachment() ? "1" : "0")), Occur.FILTER);
        }
        if (c.minSize() != null || c.maxSize() != null) {
            long min = c.minSize() == null ? Long.MIN_VALUE : c.minSize();
            long max = c.maxSize() == null ? Long.MAX_VALUE : c.maxSize();
            query.add(min > max ? new MatchNoDocsQuery("empty size range")
                    : LongField.newRangeQuery(Fields.SIZE, min, max), Occur.FILTER);
        }
        if (c.keyword() != null && !Keywords.normalize(c.keyword()).isEmpty()) {
            query.add(new KeywordQuery(c.keyword()), Occur.FILTER);
        }
        return query.build();
    }

    /** Start of the day in Paris, epoch milliseconds; a null day is no bound. */
    static long start(LocalDate day) {
        return day == null ? Long.MIN_VALUE : day.atStartOfDay(Criteria.ZONE).toInstant().toEpochMilli();
    }

    /** Last millisecond of the day in Paris; a null day is no bound. */
    static long end(LocalDate day) {
        return day == null ? Long.MAX_VALUE : day.plusDays(1).atStartOfDay(Criteria.ZONE).toInstant().toEpochMilli() - 1;
    }

    /** The flag values (0..31) that satisfy every flag criterion, as a doc-values set query. */
    private static Query flags(Criteria c) {
        Boolean[] wanted = {c.seen(), c.answered(), c.flagged(), c.deleted(), c.draft()};
        int[] bits = {IndexedMessage.SEEN, IndexedMessage.ANSWERED, IndexedMessage.FLAGGED,
                IndexedMessage.DELETED, IndexedMessage.DRAFT};
        List<Long> allowed = new ArrayList<>();
        for (int value = 0; value <= IndexedMessage.ALL_FLAGS; value++) {
            boolean ok = true;
            for (int i = 0; i < bits.length; i++) {
                if (wanted[i] != null && ((value & bits[i]) != 0) != wanted[i]) {
                    ok = false;
                }
            }
            if (ok) {
                allowed.add((long) value);
            }
        }
        if (allowed.size() == IndexedMessage.ALL_FLAGS + 1) {
            return null;
        }
        return NumericDocValuesField.newSlowSetQuery(Fields.FLAGS, allowed.stream().mapToLong(Long::longValue).toArray());
    }

    private void text(BooleanQuery.Builder query, String input, boolean prefix, List<Target> targets, int[] budget) {
        for (UserText.Clause clause : UserText.parse(input, prefix)) {
            List<Query> alternatives = new ArrayList<>();
            int cost = 0;
            for (Target target : targets) {
                List<Query> found = target.address() ? address(target, clause) : text(target, clause);
                for (Query q : found) {
                    cost += Math.max(1, terms(q));
                }
                alternatives.addAll(found);
            }
            if (alternatives.isEmpty() || cost > budget[0]) {
                continue;
            }
            budget[0] -= cost;
            Query any = alternatives.size() == 1 ? alternatives.getFirst()
                    : new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
            query.add(any, clause.excluded() ? Occur.MUST_NOT : Occur.MUST);
        }
    }

    /** The queries by which one clause matches in a text field; empty if it has no words there. */
    private List<Query> text(Target target, UserText.Clause clause) {
        String field = target.field();
        List<String> words = Analysis.terms(analysis.analyzer(field, Analysis.Variant.PLAIN), clause.text());
        List<Query> queries = new ArrayList<>();
        if (words.isEmpty()) {
            return queries;
        }
        if (words.size() > 1 || clause.phrase()) {
            queries.add(boost(phrase(field, words), target.boost()));
        } else {
            String word = words.getFirst();
            String french = stem(field, Analysis.Variant.FRENCH, word);
            String english = stem(field, Analysis.Variant.ENGLISH, word);
            queries.add(boost(new TermQuery(new Term(field, word)), target.boost()));
            for (String stem : new LinkedHashSet<>(List.of(french, english))) {
                if (!stem.equals(word)) {
                    queries.add(boost(new TermQuery(new Term(field, stem)), target.boost() * STEM_WEIGHT));
                }
            }
            queries.add(boost(new TermQuery(new Term(Fields.french(field), french)), target.boost() * STEM_WEIGHT));
            queries.add(boost(new TermQuery(new Term(Fields.english(field), english)), target.boost() * STEM_WEIGHT));
        }
        if (clause.prefix()) {
            Query prefix = prefix(field, words);
            if (prefix != null) {
                queries.add(boost(prefix, target.boost() * PREFIX_WEIGHT));
            }
        }
        return queries;
    }

    /**
     * The stem of one folded word. The stem sub-fields hold only stems that differ from their
     * word, so the analyzer gives nothing when the stem is the word itself.
     */
    private String stem(String field, Analysis.Variant variant, String word) {
        List<String> stems = Analysis.terms(analysis.analyzer(field, variant), word);
        return stems.size() == 1 ? stems.getFirst() : word;
    }

    /** The queries by which one clause matches in an address field. */
    private List<Query> address(Target target, UserText.Clause clause) {
        String field = target.field();
        List<Query> queries = new ArrayList<>();
        String whole = AddressTokens.term(clause.text());
        boolean oneWord = !whole.isEmpty() && whole.chars().noneMatch(Character::isWhitespace);
        if (oneWord) {
            queries.add(boost(new TermQuery(new Term(field, whole)), target.boost()));
        }
        List<String> words = Analysis.terms(analysis.names(), clause.text());
        if (!words.isEmpty() && !(words.size() == 1 && words.getFirst().equals(whole))) {
            queries.add(boost(phrase(field, words), target.boost()));
        }
        if (clause.prefix() && oneWord && whole.length() >= MIN_PREFIX) {
            queries.add(boost(new PrefixQuery(new Term(field, whole)), target.boost() * PREFIX_WEIGHT));
        }
        return queries;
    }

    private static Query phrase(String field, List<String> words) {
        if (words.size() == 1) {
            return new TermQuery(new Term(field, words.getFirst()));
        }
        List<String> kept = words.size() > MAX_PHRASE_TERMS ? words.subList(0, MAX_PHRASE_TERMS) : words;
        return new PhraseQuery(field, kept.toArray(String[]::new));
    }

    /** All words but the last as terms, the last (of two characters or more) as a prefix. */
    private static Query prefix(String field, List<String> words) {
        String last = words.getLast();
        if (last.length() < MIN_PREFIX) {
            return null;
        }
        PrefixQuery prefix = new PrefixQuery(new Term(field, last));
        if (words.size() == 1) {
            return prefix;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words.subList(0, Math.min(words.size() - 1, MAX_PHRASE_TERMS))) {
            all.add(new TermQuery(new Term(field, word)), Occur.MUST);
        }
        all.add(prefix, Occur.MUST);
        return all.build();
    }

    private static Query boost(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    /** How many clauses Lucene counts for a query (terms of phrases, each term, each prefix). */
    private static int terms(Query query) {
        int[] count = {0};
        query.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                count[0] += terms.length;
            }

            @Override
            public void consumeTermsMatching(Query q, String field,
                                             java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
                count[0]++;
            }

            @Override
            public void visitLeaf(Query q) {
                count[0]++;
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }
        });
        return count[0];
    }
}
