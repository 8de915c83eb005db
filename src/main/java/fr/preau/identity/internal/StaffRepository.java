package fr.preau.identity.internal;

import fr.preau.identity.Role;
import fr.preau.identity.StaffMember;
import fr.preau.identity.StaffPage;
import fr.preau.identity.StaffQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the staff directory: the active accounts of one académie, filtered and sorted in the
 * database on the name keys of migration V11 (index on académie, status and keys), so that a
 * page costs the same with 50 accounts or 50,000. Reads only the columns of {@link StaffMember}.
 */
@Repository
public class StaffRepository {

    private static final String COLUMNS = "id, academy_id, establishment_id, first_name, last_name, role, email";
    /** The names of an account as one string of words, each word preceded by a space. */
    private static final String NAME_WORDS = "(' ' || last_name_key || ' ' || first_name_key)";
    private static final String ORDER = " order by last_name_key, first_name_key, id";

    private final JdbcClient jdbc;

    public StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StaffPage search(long academyId, StaffQuery query, int offset, int limit) {
        if (query.establishmentIds() != null && query.establishmentIds().isEmpty()) {
            return new StaffPage(List.of(), 0);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" from account where academy_id = :academy and status = 'ACTIVE'");
        params.put("academy", academyId);
        if (query.establishmentIds() != null) {
            where.append(" and establishment_id in (:establishments)");
            params.put("establishments", List.copyOf(query.establishmentIds()));
        }
        if (query.role() != null) {
            where.append(" and role = :role");
            params.put("role", query.role().name());
        }
        appendWords(where, params, NameKeys.words(query.text()));
        int total = jdbc.sql("select count(*)" + where).params(params).query(Integer.class).single();
        if (total == 0 || offset >= total) {
            return new StaffPage(List.of(), total);
        }
        params.put("limit", limit);
        params.put("offset", offset);
        List<StaffMember> members = jdbc.sql("select " + COLUMNS + where + ORDER + " limit :limit offset :offset")
                .params(params).query(StaffRepository::member).list();
        return new StaffPage(members, total);
    }

    public Optional<StaffMember> member(long academyId, long accountId) {
        return jdbc.sql("select " + COLUMNS + " from account where id = ? and academy_id = ? and status = 'ACTIVE'")
                .params(accountId, academyId).query(StaffRepository::member).optional();
    }

    /**
     * Accounts whose first or last name has words starting with the typed words, or whose
     * address starts with the typed text (for the recipient field's suggestions).
     */
    public List<StaffMember> byPrefix(long academyId, String text, int limit) {
        String typed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        // with an @, it is an address being typed, not names
        List<String> words = typed.contains("@") ? List.of() : NameKeys.words(typed);
        if (typed.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("academy", academyId);
        params.put("email", escapeLike(typed) + "%");
        params.put("limit", limit);
        StringBuilder names = new StringBuilder(" 1 = 1");
        appendWords(names, params, words);
        return jdbc.sql("select " + COLUMNS + " from account where academy_id = :academy and status = 'ACTIVE'"
                        + " and (email like :email or (" + (words.isEmpty() ? "1 = 0" : names.toString()) + "))"
                        + ORDER + " limit :limit")
                .params(params).query(StaffRepository::member).list();
    }

    /** Each word must start a word of the names (words are keys: letters and digits only, nothing to escape). */
    private static void appendWords(StringBuilder where, Map<String, Object> params, List<String> words) {
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(words));
        for (int i = 0; i < distinct.size() && i < 8; i++) {
            where.append(" and ").append(NAME_WORDS).append(" like :word").append(i);
            params.put("word" + i, "% " + distinct.get(i) + "%");
        }
    }

    private static StaffMember member(ResultSet rs, int row) throws SQLException {
        return new StaffMember(rs.getLong("id"), rs.getLong("academy_id"), rs.getLong("establishment_id"),
                rs.getString("first_name"), rs.getString("last_name"), Role.valueOf(rs.getString("role")),
                rs.getString("email"));
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
