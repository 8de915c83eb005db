package fr.preau.mail.internal.search;

import fr.preau.mail.internal.search.IndexedMessage.Addr;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/** Makes the Lucene document of a message (see {@link Fields}); nothing is stored. */
final class MessageDocument {

    /** Body and attachment text beyond this many characters are not indexed. */
    static final int MAX_TEXT = 1_000_000;
    static final int MAX_ATTACHMENT_NAMES = 100;

    /** Stems need no positions (phrases use the plain field) nor norms. */
    private static final FieldType STEMS = stemType();

    private final AddressTokens addresses;

    MessageDocument(Analysis analysis) {
        this.addresses = new AddressTokens(analysis);
    }

    static Term idTerm(long messageId) {
        return new Term(Fields.ID, Long.toString(messageId));
    }

    static Term accountTerm(long accountId) {
        return new Term(Fields.ACCOUNT, Long.toString(accountId));
    }

    Document build(IndexedMessage message, long generation) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, Long.toString(message.messageId()), Field.Store.NO));
        doc.add(new NumericDocValuesField(Fields.ID_VALUE, message.messageId()));
        doc.add(new StringField(Fields.ACCOUNT, Long.toString(message.accountId()), Field.Store.NO));
        doc.add(new NumericDocValuesField(Fields.FOLDER, message.folderId()));
        doc.add(new NumericDocValuesField(Fields.FLAGS, message.flags() & IndexedMessage.ALL_FLAGS));
        doc.add(new BinaryDocValuesField(Fields.KEYWORDS, Keywords.encode(message.keywords())));
        doc.add(new LongField(Fields.DATE, message.date().toEpochMilli(), Field.Store.NO));
        doc.add(new LongField(Fields.ARRIVAL, message.internalDate().toEpochMilli(), Field.Store.NO));
        doc.add(new LongField(Fields.SIZE, message.size(), Field.Store.NO));
        doc.add(new StringField(Fields.ATTACHED, message.hasAttachment() ? "1" : "0", Field.Store.NO));
        doc.add(new LongPoint(Fields.GENERATION, generation));
        doc.add(new SortedDocValuesField(Fields.FROM_SORT, new BytesRef(SortKeys.from(message.from()))));
        doc.add(new SortedDocValuesField(Fields.SUBJECT_SORT, new BytesRef(SortKeys.subject(message.subject()))));

        text(doc, Fields.SUBJECT, message.subject());
        text(doc, Fields.BODY, cut(message.bodyText()));
        text(doc, Fields.ATTACHMENT_TEXT, cut(message.attachmentText()));
        message.attachmentNames().stream().limit(MAX_ATTACHMENT_NAMES)
                .forEach(name -> text(doc, Fields.ATTACHMENT_NAME, name));

        doc.add(new Field(Fields.FROM, addresses.stream(message.from()), TextField.TYPE_NOT_STORED));
        List<Addr> recipients = new ArrayList<>(message.to());
        recipients.addAll(message.cc());
        recipients.addAll(message.bcc());
        doc.add(new Field(Fields.TO, addresses.stream(recipients), TextField.TYPE_NOT_STORED));
        return doc;
    }

    private static void text(Document doc, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new Field(field, value, TextField.TYPE_NOT_STORED));
        doc.add(new Field(Fields.french(field), value, STEMS));
        doc.add(new Field(Fields.english(field), value, STEMS));
    }

    private static String cut(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    private static FieldType stemType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(false);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }
}
