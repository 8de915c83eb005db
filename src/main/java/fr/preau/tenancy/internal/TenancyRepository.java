package fr.preau.tenancy.internal;

import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.HelpDesk;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for académies, départements and établissements. */
@Repository
public class TenancyRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    public TenancyRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- académies

    public List<Academy> academies() {
        return jdbc.sql("select * from academy order by name").query(TenancyRepository::academy).list();
    }

    public Optional<Academy> academyByCode(String code) {
        return jdbc.sql("select * from academy where code = ?").param(code).query(TenancyRepository::academy).optional();
    }

    public Optional<Academy> academyById(long id) {
        return jdbc.sql("select * from academy where id = ?").param(id).query(TenancyRepository::academy).optional();
    }

    public Optional<Academy> academyByDomain(String domain) {
        return jdbc.sql("select * from academy where mail_domain = ?").param(domain)
                .query(TenancyRepository::academy).optional();
    }

    public boolean academyExists(String column, String value, long exceptId) {
        // column names come from this class only, never from input
        return jdbc.sql("select count(*) from academy where " + column + " = ? and id <> ?")
                .params(value, exceptId).query(Integer.class).single() > 0;
    }

    public long insertAcademy(Academy a) {
        jdbc.sql("""
                insert into academy (code, name, mail_domain, numen_code, helpdesk_phone, helpdesk_hours, helpdesk_email,
                                     numen_activation_allowed, password_min_length, password_max_age_days, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.code(), a.name(), a.mailDomain(), a.numenCode(), a.helpDesk().phone(), a.helpDesk().hours(),
                        a.helpDesk().email(), a.numenActivationAllowed(), a.passwordMinLength(),
                        a.passwordMaxAgeDays(), OffsetDateTime.now(clock))
                .update();
        return academyByCode(a.code()).orElseThrow().id();
    }

    public void updateAcademy(Academy a) {
        jdbc.sql("""
                update academy set name = ?, mail_domain = ?, numen_code = ?, helpdesk_phone = ?, helpdesk_hours = ?,
                       helpdesk_email = ?, numen_activation_allowed = ?, password_min_length = ?, password_max_age_days = ?
                where id = ?""")
                .params(a.name(), a.mailDomain(), a.numenCode(), a.helpDesk().phone(), a.helpDesk().hours(),
                        a.helpDesk().email(), a.numenActivationAllowed(), a.passwordMinLength(),
                        a.passwordMaxAgeDays(), a.id())
                .update();
    }

    // ---- départements

    public List<Department> departments(long academyId) {
        return jdbc.sql("select * from department where academy_id = ? order by code").param(academyId)
                .query(TenancyRepository::department).list();
    }

    public Optional<Department> departmentByCode(String code) {
        return jdbc.sql("select * from department where code = ?").param(code)
                .query(TenancyRepository::department).optional();
    }

    public Optional<Department> departmentById(long id) {
        return jdbc.sql("select * from department where id = ?").param(id)
                .query(TenancyRepository::department).optional();
    }

    public long insertDepartment(Department d) {
        jdbc.sql("""
                insert into department (academy_id, code, name, helpdesk_phone, helpdesk_hours, helpdesk_email)
                values (?, ?, ?, ?, ?, ?)""")
                .params(d.academyId(), d.code(), d.name(), d.helpDesk().phone(), d.helpDesk().hours(),
                        d.helpDesk().email())
                .update();
        return departmentByCode(d.code()).orElseThrow().id();
    }

    public void updateDepartment(Department d) {
        jdbc.sql("update department set name = ?, helpdesk_phone = ?, helpdesk_hours = ?, helpdesk_email = ? where id = ?")
                .params(d.name(), d.helpDesk().phone(), d.helpDesk().hours(), d.helpDesk().email(), d.id())
                .update();
    }

    // ---- établissements

    public List<Establishment> establishments(long departmentId) {
        return jdbc.sql("select * from establishment where department_id = ? order by city, name").param(departmentId)
                .query(TenancyRepository::establishment).list();
    }

    public List<Establishment> establishmentsOfAcademy(long academyId) {
        return jdbc.sql("""
                select e.* from establishment e join department d on d.id = e.department_id
                where d.academy_id = ? order by d.code, e.city, e.name""")
                .param(academyId).query(TenancyRepository::establishment).list();
    }

    public Optional<Establishment> establishmentByUai(String uai) {
        return jdbc.sql("select * from establishment where uai = ?").param(uai)
                .query(TenancyRepository::establishment).optional();
    }

    public Optional<Establishment> establishmentById(long id) {
        return jdbc.sql("select * from establishment where id = ?").param(id)
                .query(TenancyRepository::establishment).optional();
    }

    public long insertEstablishment(Establishment e) {
        jdbc.sql("insert into establishment (department_id, uai, name, city) values (?, ?, ?, ?)")
                .params(e.departmentId(), e.uai(), e.name(), e.city())
                .update();
        return establishmentByUai(e.uai()).orElseThrow().id();
    }

    public void updateEstablishment(Establishment e) {
        jdbc.sql("update establishment set department_id = ?, name = ?, city = ? where id = ?")
                .params(e.departmentId(), e.name(), e.city(), e.id())
                .update();
    }

    // ---- mapping

    private static Academy academy(ResultSet rs, int row) throws SQLException {
        return new Academy(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("mail_domain"),
                rs.getString("numen_code"), helpDesk(rs), rs.getBoolean("numen_activation_allowed"),
                rs.getInt("password_min_length"), rs.getObject("password_max_age_days", Integer.class));
    }

    private static Department department(ResultSet rs, int row) throws SQLException {
        return new Department(rs.getLong("id"), rs.getLong("academy_id"), rs.getString("code"),
                rs.getString("name"), helpDesk(rs));
    }

    private static Establishment establishment(ResultSet rs, int row) throws SQLException {
        return new Establishment(rs.getLong("id"), rs.getLong("department_id"), rs.getString("uai"),
                rs.getString("name"), rs.getString("city"));
    }

    private static HelpDesk helpDesk(ResultSet rs) throws SQLException {
        return new HelpDesk(rs.getString("helpdesk_phone"), rs.getString("helpdesk_hours"),
                rs.getString("helpdesk_email"));
    }
}
