package fr.preau.identity.internal;

import fr.preau.identity.Account;
import fr.preau.identity.AccountStatus;
import fr.preau.identity.InterfaceChoice;
import fr.preau.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for accounts. The password hash and NUMEN hash are read only by the methods that need them. */
@Repository
public class AccountRepository {

    /** A row to insert: everything an account has at creation. */
    public record NewRow(long academyId, long establishmentId, String login, String email, String lastName,
                         String firstName, Role role, String numenHash, String numenMasked,
                         String backupEmail, String mobile, Instant createdAt) {}

    /** The credential part of an account, for login. */
    public record Credentials(Account account, String passwordHash) {}

    private static final String COLUMNS = """
            id, academy_id, establishment_id, login, email, last_name, first_name, role, numen_masked, status,
            backup_email, mobile, interface_pref, created_at, activated_at, suspended_at, password_changed_at,
            password_must_change""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public AccountRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insert(NewRow row) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into account (academy_id, establishment_id, login, email, last_name, first_name, role,
                                     numen_hash, numen_masked, status, backup_email, mobile, created_at,
                                     last_name_key, first_name_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)""")
                .params(row.academyId(), row.establishmentId(), row.login(), row.email(), row.lastName(),
                        row.firstName(), row.role().name(), row.numenHash(), row.numenMasked(), row.backupEmail(),
                        row.mobile(), utc(row.createdAt()), NameKeys.of(row.lastName()), NameKeys.of(row.firstName()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Inserts many rows in JDBC batches; returns their ids in order. */
    public List<Long> insertAll(List<NewRow> rows) {
        template.batchUpdate("""
                insert into account (academy_id, establishment_id, login, email, last_name, first_name, role,
                                     numen_hash, numen_masked, status, backup_email, mobile, created_at,
                                     last_name_key, first_name_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)""", rows, 500, (ps, row) -> {
            ps.setLong(1, row.academyId());
            ps.setLong(2, row.establishmentId());
            ps.setString(3, row.login());
            ps.setString(4, row.email());
            ps.setString(5, row.lastName());
            ps.setString(6, row.firstName());
            ps.setString(7, row.role().name());
            ps.setString(8, row.numenHash());
            ps.setString(9, row.numenMasked());
            ps.setString(10, row.backupEmail());
            ps.setString(11, row.mobile());
            ps.setObject(12, utc(row.createdAt()));
            ps.setString(13, NameKeys.of(row.lastName()));
            ps.setString(14, NameKeys.of(row.firstName()));
        });
        List<Long> ids = new java.util.ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += 1000) {
            List<String> logins = rows.subList(from, Math.min(rows.size(), from + 1000)).stream().map(NewRow::login).toList();
            var byLogin = jdbc.sql("select id, login from account where login in (:logins)").param("logins", logins)
                    .query((rs, n) -> java.util.Map.entry(rs.getString("login"), rs.getLong("id"))).list()
                    .stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
            logins.forEach(login -> ids.add(byLogin.get(login)));
        }
        return ids;
    }

    public Optional<Account> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = ?").param(id)
                .query(AccountRepository::account).optional();
    }

    public Optional<Account> byLogin(String login) {
        return jdbc.sql("select " + COLUMNS + " from account where login = ?").param(login)
                .query(AccountRepository::account).optional();
    }

    public Optional<Account> byEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from account where email = ?").param(email)
                .query(AccountRepository::account).optional();
    }

    /** The accounts of an académie with a role (e.g. its administrators, for postmaster@). */
    public List<Account> withRole(long academyId, fr.preau.identity.Role role) {
        return jdbc.sql("select " + COLUMNS + " from account where academy_id = ? and role = ? and status = 'ACTIVE' order by id")
                .params(academyId, role.name()).query(AccountRepository::account).list();
    }

    /** By identifiant or by address (both stored lower-case). */
    public Optional<Credentials> credentials(String loginOrEmail) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from account where login = ? or email = ?")
                .params(loginOrEmail, loginOrEmail)
                .query((rs, n) -> new Credentials(account(rs, n), rs.getString("password_hash"))).optional();
    }

    public Optional<Account> byNumenHash(String numenHash) {
        return jdbc.sql("select " + COLUMNS + " from account where numen_hash = ?").param(numenHash)
                .query(AccountRepository::account).optional();
    }

    public boolean numenHashExists(String numenHash) {
        return jdbc.sql("select count(*) from account where numen_hash = ?").param(numenHash)
                .query(Integer.class).single() > 0;
    }

    public Optional<String> numenHash(long accountId) {
        return jdbc.sql("select numen_hash from account where id = ?").param(accountId).query(String.class).optional();
    }

    /** Existing NUMEN hashes among the given ones. */
    public Set<String> existingNumenHashes(List<String> hashes) {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < hashes.size(); from += 1000) {
            found.addAll(jdbc.sql("select numen_hash from account where numen_hash in (:h)")
                    .param("h", hashes.subList(from, Math.min(hashes.size(), from + 1000)))
                    .query(String.class).list());
        }
        return found;
    }

    /** Identifiants that start with the given prefix (to number homonyms). */
    public Set<String> loginsStartingWith(String prefix) {
        return new HashSet<>(jdbc.sql("select login from account where login like ?").param(escapeLike(prefix) + "%")
                .query(String.class).list());
    }

    public Set<String> emailsStartingWith(String prefix) {
        return new HashSet<>(jdbc.sql("select email from account where email like ?").param(escapeLike(prefix) + "%")
                .query(String.class).list());
    }

    public Set<String> allLogins() {
        return new HashSet<>(jdbc.sql("select login from account").query(String.class).list());
    }

    public Set<String> allEmails() {
        return new HashSet<>(jdbc.sql("select email from account").query(String.class).list());
    }

    public List<Account> list(Long academyId, Long establishmentId, AccountStatus status, String search, int limit) {
        String like = search == null || search.isBlank() ? null : "%" + escapeLike(search.toLowerCase()) + "%";
        return jdbc.sql("select " + COLUMNS + """
                 from account
                where (cast(:academy as bigint) is null or academy_id = :academy)
                  and (cast(:establishment as bigint) is null or establishment_id = :establishment)
                  and (cast(:status as varchar) is null or status = :status)
                  and (cast(:search as varchar) is null or login like :search or email like :search
                       or lower(last_name) like :search)
                order by last_name, first_name, login
                limit :limit""")
                .param("academy", academyId)
                .param("establishment", establishmentId)
                .param("status", status == null ? null : status.name())
                .param("search", like)
                .param("limit", limit)
                .query(AccountRepository::account).list();
    }

    public List<Account> pendingOf(long establishmentId) {
        return jdbc.sql("select " + COLUMNS + " from account where establishment_id = ? and status = 'PENDING' order by last_name, first_name")
                .param(establishmentId).query(AccountRepository::account).list();
    }

    public void activate(long id, String passwordHash, String backupEmail, String mobile, Instant at) {
        jdbc.sql("""
                update account set status = 'ACTIVE', password_hash = ?, password_changed_at = ?, password_must_change = false,
                       backup_email = ?, mobile = ?, activated_at = ? where id = ?""")
                .params(passwordHash, utc(at), backupEmail, mobile, utc(at), id).update();
    }

    public void setPassword(long id, String passwordHash, Instant at) {
        jdbc.sql("update account set password_hash = ?, password_changed_at = ?, password_must_change = false where id = ?")
                .params(passwordHash, utc(at), id).update();
    }

    public void setPasswordMustChange(long id, boolean mustChange) {
        jdbc.sql("update account set password_must_change = ? where id = ?").params(mustChange, id).update();
    }

    public void setStatus(long id, AccountStatus status, Instant suspendedAt) {
        jdbc.sql("update account set status = ?, suspended_at = ? where id = ?")
                .params(status.name(), suspendedAt == null ? null : utc(suspendedAt), id).update();
    }

    public void setInterface(long id, InterfaceChoice choice) {
        jdbc.sql("update account set interface_pref = ? where id = ?").params(choice.name(), id).update();
    }

    public void delete(long id) {
        jdbc.sql("delete from account where id = ?").param(id).update();
    }

    public int count() {
        return jdbc.sql("select count(*) from account").query(Integer.class).single();
    }

    static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getLong("academy_id"), rs.getLong("establishment_id"),
                rs.getString("login"), rs.getString("email"), rs.getString("last_name"), rs.getString("first_name"),
                Role.valueOf(rs.getString("role")), rs.getString("numen_masked"),
                AccountStatus.valueOf(rs.getString("status")), rs.getString("backup_email"), rs.getString("mobile"),
                InterfaceChoice.valueOf(rs.getString("interface_pref")), instant(rs, "created_at"),
                instant(rs, "activated_at"), instant(rs, "suspended_at"), instant(rs, "password_changed_at"),
                rs.getBoolean("password_must_change"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
