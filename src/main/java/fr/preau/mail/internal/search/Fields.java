package fr.preau.mail.internal.search;

/**
 * The Lucene field names of a message document and what each holds. Only doc values and
 * postings: nothing is stored, the message id comes back through its doc values.
 */
final class Fields {

    /** Message id as a term: the key of replacements, deletions and doc-values updates. */
    static final String ID = "id";
    /** Message id as numeric doc values: read back from hits, last sort key. */
    static final String ID_VALUE = "id.dv";
    /** Account id as a term: the filter every query carries. */
    static final String ACCOUNT = "account";
    /** Folder id, numeric doc values only, so that a move is an in-place update. */
    static final String FOLDER = "folder";
    /** System flags bitmask, numeric doc values only (updated in place). */
    static final String FLAGS = "flags";
    /** Keywords, binary doc values only (updated in place), see {@link Keywords}. */
    static final String KEYWORDS = "keywords";
    /** Date header or arrival, epoch milliseconds: points and doc values (range and sort). */
    static final String DATE = "date";
    /** Internal date, epoch milliseconds: points and doc values. */
    static final String ARRIVAL = "arrival";
    /** Size in bytes: points and doc values. */
    static final String SIZE = "size";
    /** "1" or "0": whether the message has attachments. */
    static final String ATTACHED = "attached";
    /** Index generation the document was written in (points): lets a re-index drop leftovers. */
    static final String GENERATION = "generation";
    /** Sort keys (sorted doc values): first sender, base subject. */
    static final String FROM_SORT = "from.sort";
    static final String SUBJECT_SORT = "subject.sort";

    /** Text fields: folded words with positions; {@code .fr} / {@code .en} hold stems. */
    static final String SUBJECT = "subject";
    static final String BODY = "body";
    static final String ATTACHMENT_TEXT = "atttext";
    static final String ATTACHMENT_NAME = "attname";
    /** Address fields: display-name words, full address, local part, domain and their pieces. */
    static final String FROM = "from";
    /** To, Cc and Bcc together. */
    static final String TO = "to";

    static String french(String field) {
        return field + ".fr";
    }

    static String english(String field) {
        return field + ".en";
    }

    private Fields() {}
}
