package fr.preau.mail.internal;

import fr.preau.mail.MailAddress;
import fr.preau.mail.internal.mime.MimeParser;
import fr.preau.mail.internal.mime.ParsedMessage;
import fr.preau.mail.internal.search.Documents;
import fr.preau.mail.internal.search.IndexedMessage;
import fr.preau.mail.internal.search.MessageState;
import fr.preau.mail.mime.Attachment;
import fr.preau.mail.mime.MessageHeaders;
import fr.preau.platform.BlobStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store as the search indexer reads it: a message's row and a fresh parse of its blob
 * ({@link #load}), or only its folder, flags and keywords ({@link #state}). The indexer is no
 * agent: it reads a message by its id alone, and the document takes the account of the row,
 * which every search then filters on.
 *
 * <p>A message whose bytes have gone (a blob deleted by hand) is indexed from its row alone
 * (subject and addresses), logged by id; any other read failure propagates, and the indexer
 * tries again.
 */
public final class StoreDocuments implements Documents {

    private static final Logger log = LoggerFactory.getLogger(StoreDocuments.class);

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final MimeParser parser;

    public StoreDocuments(JdbcClient jdbc, BlobStore blobs, MimeParser parser) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.parser = parser;
    }

    private record Row(long id, long accountId, long folderId, Instant internalDate, Instant sentDate, long size,
                       int flags, String keywords, String blobHash, boolean hasAttachment, String subject,
                       String fromName, String fromAddress, String toList, String ccList) {}

    @Override
    public Optional<IndexedMessage> load(long messageId) {
        Optional<Row> found = jdbc.sql("""
                        select id, account_id, mailbox_id, internal_date, sent_date, size, flags, keywords, blob_hash,
                            has_attachment, subject, from_name, from_address, to_list, cc_list
                        from message where id = ?""")
                .param(messageId).query(StoreDocuments::row).optional();
        return found.map(this::document);
    }

    @Override
    public Optional<MessageState> state(long messageId) {
        return jdbc.sql("select mailbox_id, flags, keywords from message where id = ?").param(messageId)
                .query((rs, n) -> new MessageState(rs.getLong(1), rs.getInt(2), MessageRepository.keywords(rs.getString(3))))
                .optional();
    }

    private IndexedMessage document(Row row) {
        ParsedMessage parsed;
        try (InputStream in = blobs.open(row.blobHash())) {
            parsed = parser.parse(in);
        } catch (NoSuchFileException | FileNotFoundException gone) {
            log.warn("Search index: the bytes of message {} are missing, indexed from its row only", row.id());
            return fromRowOnly(row);
        } catch (IOException e) {
            throw new UncheckedIOException("message " + row.id() + " cannot be read", e);
        }
        MessageHeaders h = parsed.headers();
        List<MailAddress> from = h.from().isEmpty() ? h.sender() : h.from();
        List<String> attachmentNames = parsed.attachments().stream().filter(a -> !a.inline())
                .map(Attachment::filename).toList();
        return new IndexedMessage(row.id(), row.accountId(), row.folderId(), row.internalDate(), row.sentDate(),
                row.size(), row.flags(), MessageRepository.keywords(row.keywords()), h.subject(), addrs(from),
                addrs(h.to()), addrs(h.cc()), addrs(h.bcc()), parsed.text(), attachmentNames, parsed.attachmentText(),
                row.hasAttachment());
    }

    private static IndexedMessage fromRowOnly(Row row) {
        List<IndexedMessage.Addr> from = row.fromAddress() == null ? List.of()
                : List.of(new IndexedMessage.Addr(row.fromName(), row.fromAddress()));
        return new IndexedMessage(row.id(), row.accountId(), row.folderId(), row.internalDate(), row.sentDate(),
                row.size(), row.flags(), MessageRepository.keywords(row.keywords()), row.subject(), from,
                addrs(AddressList.decode(row.toList())), addrs(AddressList.decode(row.ccList())), List.of(), "",
                List.of(), "", row.hasAttachment());
    }

    private static List<IndexedMessage.Addr> addrs(List<MailAddress> addresses) {
        return addresses == null ? List.of()
                : addresses.stream().map(a -> new IndexedMessage.Addr(a.name(), a.address())).toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("mailbox_id"), instant(rs, "internal_date"),
                instant(rs, "sent_date"), rs.getLong("size"), rs.getInt("flags"), rs.getString("keywords"),
                rs.getString("blob_hash"), rs.getBoolean("has_attachment"), rs.getString("subject"),
                rs.getString("from_name"), rs.getString("from_address"), rs.getString("to_list"), rs.getString("cc_list"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
