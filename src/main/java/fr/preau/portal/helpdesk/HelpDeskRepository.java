package fr.preau.portal.helpdesk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for help-desk requests and their history. Every read for the console takes the
 * {@link SupportScope} and filters on it in the query itself, so a request of another
 * département is not found rather than found and then hidden.
 */
@Repository
public class HelpDeskRepository {

    /** A request to insert. */
    public record NewRequest(String reference, String accessHash, long academyId, long departmentId,
                             long chosenDepartmentId, String lastName, String firstName, String identifier,
                             String numenHash, String contactEmail, String contactPhone, String message,
                             Instant createdAt) {}

    private static final String COLUMNS = """
            id, reference, status, academy_id, department_id, chosen_department_id, last_name, first_name,
            identifier, numen_hash, contact_email, contact_phone, message, created_at, updated_at""";

    private static final String IN_SCOPE =
            " academy_id = :academy and (cast(:department as bigint) is null or department_id = :department)";

    private final JdbcClient jdbc;

    public HelpDeskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean referenceExists(String reference) {
        return jdbc.sql("select count(*) from helpdesk_request where reference = ?").param(reference)
                .query(Integer.class).single() > 0;
    }

    /** Inserts a request, status NEW (its message stays on the request; the history holds what follows). */
    public long insert(NewRequest r) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into helpdesk_request (reference, access_hash, status, academy_id, department_id,
                    chosen_department_id, last_name, first_name, identifier, numen_hash, contact_email,
                    contact_phone, message, created_at, updated_at)
                values (?, ?, 'NEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.reference(), r.accessHash(), r.academyId(), r.departmentId(), r.chosenDepartmentId(),
                        r.lastName(), r.firstName(), r.identifier(), r.numenHash(), r.contactEmail(),
                        r.contactPhone(), r.message(), utc(r.createdAt()), utc(r.createdAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    // ---- the requester's side: by reference and access hash only

    /** The access hash of a reference, to compare with what the requester typed. */
    public Optional<String> accessHash(String reference) {
        return jdbc.sql("select access_hash from helpdesk_request where reference = ?").param(reference)
                .query(String.class).optional();
    }

    public Optional<HelpDeskRequest> byReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from helpdesk_request where reference = ?").param(reference)
                .query(HelpDeskRepository::request).optional();
    }

    // ---- the console's side: always within a scope

    public Optional<HelpDeskRequest> inScope(SupportScope scope, String reference) {
        return jdbc.sql("select " + COLUMNS + " from helpdesk_request where reference = :reference and" + IN_SCOPE)
                .param("reference", reference)
                .param("academy", scope.academyId())
                .param("department", scope.departmentId())
                .query(HelpDeskRepository::request).optional();
    }

    /** The requests of the scope with one of the statuses, oldest first, at most {@code limit}. */
    public List<HelpDeskRequest> list(SupportScope scope, Collection<RequestStatus> statuses, int limit) {
        return jdbc.sql("select " + COLUMNS + " from helpdesk_request where" + IN_SCOPE
                        + " and status in (:statuses) order by created_at, id limit :limit")
                .param("academy", scope.academyId())
                .param("department", scope.departmentId())
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("limit", limit)
                .query(HelpDeskRepository::request).list();
    }

    /** How many requests of the scope have each status. */
    public java.util.Map<RequestStatus, Integer> counts(SupportScope scope) {
        java.util.Map<RequestStatus, Integer> counts = new java.util.EnumMap<>(RequestStatus.class);
        for (RequestStatus s : RequestStatus.values()) {
            counts.put(s, 0);
        }
        jdbc.sql("select status, count(*) as n from helpdesk_request where" + IN_SCOPE + " group by status")
                .param("academy", scope.academyId())
                .param("department", scope.departmentId())
                .query((rs, n) -> java.util.Map.entry(RequestStatus.valueOf(rs.getString("status")), rs.getInt("n")))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    // ---- history

    public void addEntry(long requestId, Instant at, EntryKind kind, String author, String body, RequestStatus status) {
        jdbc.sql("""
                insert into helpdesk_entry (request_id, created_at, kind, author, body, status)
                values (?, ?, ?, ?, ?, ?)""")
                .params(requestId, utc(at), kind.name(), author, body, status == null ? null : status.name())
                .update();
        if (status != null) {
            jdbc.sql("update helpdesk_request set status = ?, updated_at = ? where id = ?")
                    .params(status.name(), utc(at), requestId).update();
        } else {
            jdbc.sql("update helpdesk_request set updated_at = ? where id = ?").params(utc(at), requestId).update();
        }
    }

    /** The history of a request, oldest first; only the public entries when {@code publicOnly}. */
    public List<HistoryEntry> history(long requestId, boolean publicOnly) {
        return jdbc.sql("select id, created_at, kind, author, body, status from helpdesk_entry where request_id = ?"
                        + (publicOnly ? " and kind in ('REQUESTER', 'ANSWER')" : "") + " order by created_at, id")
                .param(requestId)
                .query((rs, n) -> new HistoryEntry(rs.getLong("id"), instant(rs, "created_at"),
                        EntryKind.valueOf(rs.getString("kind")), rs.getString("author"), rs.getString("body"),
                        rs.getString("status") == null ? null : RequestStatus.valueOf(rs.getString("status"))))
                .list();
    }

    private static HelpDeskRequest request(ResultSet rs, int row) throws SQLException {
        return new HelpDeskRequest(rs.getLong("id"), rs.getString("reference"),
                RequestStatus.valueOf(rs.getString("status")), rs.getLong("academy_id"), rs.getLong("department_id"),
                rs.getLong("chosen_department_id"), rs.getString("last_name"), rs.getString("first_name"),
                rs.getString("identifier"), rs.getString("numen_hash"), rs.getString("contact_email"),
                rs.getString("contact_phone"), rs.getString("message"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
