package fr.preau.mail.internal.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;

/**
 * The Lucene sort of a {@link Sort}, from doc values. The message id is always the last sort
 * field, so that ties are stable and each hit's id can be read from its sort values without
 * any stored field.
 */
final class SortFields {

    static org.apache.lucene.search.Sort of(Sort sort) {
        boolean descending = sort.descending();
        List<SortField> fields = new ArrayList<>();
        switch (sort.key()) {
            case DATE -> fields.add(LongField.newSortField(Fields.DATE, descending, SortedNumericSelector.Type.MIN));
            case ARRIVAL -> fields.add(LongField.newSortField(Fields.ARRIVAL, descending, SortedNumericSelector.Type.MIN));
            case SIZE -> fields.add(LongField.newSortField(Fields.SIZE, descending, SortedNumericSelector.Type.MIN));
            case RELEVANCE -> {
                fields.add(new SortField(null, SortField.Type.SCORE, !descending));
                fields.add(newestFirst());
            }
            case FROM -> {
                fields.add(new SortField(Fields.FROM_SORT, SortField.Type.STRING, descending));
                fields.add(newestFirst());
            }
            case SUBJECT -> {
                fields.add(new SortField(Fields.SUBJECT_SORT, SortField.Type.STRING, descending));
                fields.add(newestFirst());
            }
        }
        fields.add(new SortField(Fields.ID_VALUE, SortField.Type.LONG, descending));
        return new org.apache.lucene.search.Sort(fields.toArray(SortField[]::new));
    }

    private static SortField newestFirst() {
        return LongField.newSortField(Fields.DATE, true, SortedNumericSelector.Type.MIN);
    }

    private SortFields() {}
}
