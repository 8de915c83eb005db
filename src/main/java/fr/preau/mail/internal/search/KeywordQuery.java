package fr.preau.mail.internal.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * Messages that have a keyword: a scan of the {@link Fields#KEYWORDS} binary doc values
 * (see {@link Keywords}), meant as a filter next to more selective clauses. Never cached:
 * the values change in place.
 */
final class KeywordQuery extends Query {

    private final String keyword;
    private final byte[] needle;

    KeywordQuery(String keyword) {
        this.keyword = Keywords.normalize(keyword);
        this.needle = Keywords.needle(keyword);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                BinaryDocValues values = DocValues.getBinary(context.reader(), Fields.KEYWORDS);
                TwoPhaseIterator matching = new TwoPhaseIterator(values) {
                    @Override
                    public boolean matches() throws IOException {
                        return contains(values.binaryValue(), needle);
                    }

                    @Override
                    public float matchCost() {
                        return 20;
                    }
                };
                return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, matching));
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    static boolean contains(BytesRef value, byte[] needle) {
        int last = value.offset + value.length - needle.length;
        for (int start = value.offset; start <= last; start++) {
            if (Arrays.equals(value.bytes, start, start + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(Fields.KEYWORDS)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String field) {
        return "keyword:" + keyword;
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && keyword.equals(((KeywordQuery) other).keyword);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + keyword.hashCode();
    }
}
