package fr.preau.mail.internal.compose;

import fr.preau.mail.Upload;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The {@code mail_upload} table: files uploaded for messages being written. */
@Component
public class UploadRepository {

    /** An upload with the blob holding its bytes. */
    public record Stored(Upload upload, String blobHash) {}

    private final JdbcClient jdbc;

    public UploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long accountId, String filename, String contentType, long size, String blobHash, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into mail_upload (account_id, filename, content_type, size, blob_hash, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(accountId, filename, contentType, size, blobHash, at.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Stored> get(long accountId, long id) {
        return jdbc.sql("select id, account_id, filename, content_type, size, blob_hash, created_at from mail_upload where id = ? and account_id = ?")
                .params(id, accountId)
                .query((rs, n) -> new Stored(new Upload(rs.getLong("id"), rs.getLong("account_id"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getLong("size"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()), rs.getString("blob_hash")))
                .optional();
    }

    /** Total size of the account's uploads not sent yet. */
    public long pendingBytes(long accountId) {
        Long total = jdbc.sql("select coalesce(sum(size), 0) from mail_upload where account_id = ?").param(accountId)
                .query(Long.class).single();
        return total == null ? 0 : total;
    }

    public int delete(long accountId, Collection<Long> ids) {
        int n = 0;
        for (long id : ids) {
            n += jdbc.sql("delete from mail_upload where id = ? and account_id = ?").params(id, accountId).update();
        }
        return n;
    }

    public int deleteOlderThan(Instant limit) {
        return jdbc.sql("delete from mail_upload where created_at < ?").param(limit.atOffset(ZoneOffset.UTC)).update();
    }

    public List<Long> idsOf(long accountId) {
        return jdbc.sql("select id from mail_upload where account_id = ? order by id").param(accountId)
                .query(Long.class).list();
    }
}
