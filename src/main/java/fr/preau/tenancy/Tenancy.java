package fr.preau.tenancy;

import fr.preau.platform.AuditLog;
import fr.preau.platform.UserError;
import fr.preau.tenancy.internal.TenancyRepository;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenancy module's API: read and edit académies, départements and établissements.
 * Every change is validated (with field-level {@link UserError}s) and audited under the
 * given actor.
 */
@Service
public class Tenancy {

    private static final Pattern ACADEMY_CODE = Pattern.compile("[a-z][a-z-]{1,31}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern NUMEN_CODE = Pattern.compile("\\d{2}");
    private static final Pattern DEPARTMENT_CODE = Pattern.compile("\\d{2}|2[AB]|97\\d");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .]{5,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[a-zA-Z]{2,63}");

    private final TenancyRepository repository;
    private final AuditLog audit;

    Tenancy(TenancyRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    // ---- reading

    public List<Academy> academies() {
        return repository.academies();
    }

    public Optional<Academy> academy(String code) {
        return repository.academyByCode(code == null ? "" : code.trim().toLowerCase(Locale.ROOT));
    }

    public Academy academy(long id) {
        return repository.academyById(id).orElseThrow();
    }

    public Optional<Academy> academyByDomain(String domain) {
        return repository.academyByDomain(domain.toLowerCase(Locale.ROOT));
    }

    public List<Department> departments(long academyId) {
        return repository.departments(academyId);
    }

    public Optional<Department> department(String code) {
        return repository.departmentByCode(code == null ? "" : code.trim().toUpperCase(Locale.ROOT));
    }

    public Department department(long id) {
        return repository.departmentById(id).orElseThrow();
    }

    public List<Establishment> establishments(long departmentId) {
        return repository.establishments(departmentId);
    }

    public List<Establishment> establishmentsOfAcademy(long academyId) {
        return repository.establishmentsOfAcademy(academyId);
    }

    public Optional<Establishment> establishment(String uai) {
        return repository.establishmentByUai(Uai.normalize(uai));
    }

    public Establishment establishment(long id) {
        return repository.establishmentById(id).orElseThrow();
    }

    /** The académie an établissement belongs to. */
    public Academy academyOf(Establishment establishment) {
        return academy(department(establishment.departmentId()).academyId());
    }

    // ---- editing

    @Transactional
    public Academy createAcademy(String actor, AcademyDraft draft) {
        Academy academy = new Academy(0, clean(draft.code()).toLowerCase(Locale.ROOT), clean(draft.name()),
                clean(draft.mailDomain()).toLowerCase(Locale.ROOT), clean(draft.numenCode()),
                cleanHelpDesk(draft.helpDesk()), true, 12, null);
        validate(academy);
        long id = repository.insertAcademy(academy);
        audit.record(AuditLog.Entry.of(actor, "ACADEMY_CREATED").details("academy=" + academy.code()));
        return academy(id);
    }

    @Transactional
    public Academy updateAcademy(String actor, Academy changed) {
        Academy current = academy(changed.id());
        Academy academy = new Academy(current.id(), current.code(), clean(changed.name()),
                clean(changed.mailDomain()).toLowerCase(Locale.ROOT), clean(changed.numenCode()),
                cleanHelpDesk(changed.helpDesk()), changed.numenActivationAllowed(),
                changed.passwordMinLength(), changed.passwordMaxAgeDays());
        validate(academy);
        repository.updateAcademy(academy);
        audit.record(AuditLog.Entry.of(actor, "ACADEMY_UPDATED").details("academy=" + academy.code()));
        return academy(academy.id());
    }

    @Transactional
    public Department createDepartment(String actor, String academyCode, String code, String name, HelpDesk helpDesk) {
        Academy academy = academy(academyCode)
                .orElseThrow(() -> UserError.onField("academy", "tenancy.error.academy-unknown", academyCode));
        Department department = new Department(0, academy.id(), clean(code).toUpperCase(Locale.ROOT), clean(name),
                cleanHelpDesk(helpDesk));
        if (!DEPARTMENT_CODE.matcher(department.code()).matches()) {
            throw UserError.onField("code", "tenancy.error.department-code", department.code());
        }
        if (repository.departmentByCode(department.code()).isPresent()) {
            throw UserError.onField("code", "tenancy.error.department-exists", department.code());
        }
        validate(department);
        long id = repository.insertDepartment(department);
        audit.record(AuditLog.Entry.of(actor, "DEPARTMENT_CREATED").details("department=" + department.code()));
        return department(id);
    }

    @Transactional
    public Department updateDepartment(String actor, Department changed) {
        Department current = department(changed.id());
        Department department = new Department(current.id(), current.academyId(), current.code(),
                clean(changed.name()), cleanHelpDesk(changed.helpDesk()));
        validate(department);
        repository.updateDepartment(department);
        audit.record(AuditLog.Entry.of(actor, "DEPARTMENT_UPDATED").details("department=" + department.code()));
        return department(department.id());
    }

    @Transactional
    public Establishment createEstablishment(String actor, String departmentCode, String uai, String name, String city) {
        Department department = department(departmentCode)
                .orElseThrow(() -> UserError.onField("department", "tenancy.error.department-unknown", departmentCode));
        String code = Uai.normalize(uai);
        if (!Uai.isValid(code)) {
            throw UserError.onField("uai", "tenancy.error.uai-invalid", code);
        }
        if (repository.establishmentByUai(code).isPresent()) {
            throw UserError.onField("uai", "tenancy.error.uai-exists", code);
        }
        Establishment establishment = new Establishment(0, department.id(), code, clean(name), clean(city));
        validate(establishment);
        long id = repository.insertEstablishment(establishment);
        audit.record(AuditLog.Entry.of(actor, "ESTABLISHMENT_CREATED").details("uai=" + code));
        return establishment(id);
    }

    @Transactional
    public Establishment updateEstablishment(String actor, Establishment changed) {
        Establishment current = establishment(changed.id());
        department(changed.departmentId());
        Establishment establishment = new Establishment(current.id(), changed.departmentId(), current.uai(),
                clean(changed.name()), clean(changed.city()));
        validate(establishment);
        repository.updateEstablishment(establishment);
        audit.record(AuditLog.Entry.of(actor, "ESTABLISHMENT_UPDATED").details("uai=" + current.uai()));
        return establishment(current.id());
    }

    // ---- validation

    private void validate(Academy a) {
        if (!ACADEMY_CODE.matcher(a.code()).matches()) {
            throw UserError.onField("code", "tenancy.error.academy-code", a.code());
        }
        required("name", a.name());
        if (!DOMAIN.matcher(a.mailDomain()).matches()) {
            throw UserError.onField("domain", "tenancy.error.domain", a.mailDomain());
        }
        if (!NUMEN_CODE.matcher(a.numenCode()).matches()) {
            throw UserError.onField("numen-code", "tenancy.error.numen-code", a.numenCode());
        }
        if (repository.academyExists("code", a.code(), a.id())) {
            throw UserError.onField("code", "tenancy.error.academy-exists", a.code());
        }
        if (repository.academyExists("mail_domain", a.mailDomain(), a.id())) {
            throw UserError.onField("domain", "tenancy.error.domain-exists", a.mailDomain());
        }
        if (repository.academyExists("numen_code", a.numenCode(), a.id())) {
            throw UserError.onField("numen-code", "tenancy.error.numen-code-exists", a.numenCode());
        }
        if (a.passwordMinLength() < 8 || a.passwordMinLength() > 64) {
            throw UserError.onField("password-min-length", "tenancy.error.password-min-length", 8, 64);
        }
        if (a.passwordMaxAgeDays() != null && (a.passwordMaxAgeDays() < 30 || a.passwordMaxAgeDays() > 3650)) {
            throw UserError.onField("password-max-age", "tenancy.error.password-max-age", 30, 3650);
        }
        validate(a.helpDesk());
    }

    private void validate(Department d) {
        required("name", d.name());
        validate(d.helpDesk());
    }

    private void validate(Establishment e) {
        required("name", e.name());
        required("city", e.city());
    }

    private void validate(HelpDesk h) {
        if (!PHONE.matcher(h.phone()).matches()) {
            throw UserError.onField("phone", "tenancy.error.phone", h.phone());
        }
        if (!OpeningHours.isValid(h.hours())) {
            throw UserError.onField("hours", "tenancy.error.hours", h.hours());
        }
        if (h.email() != null && !EMAIL.matcher(h.email()).matches()) {
            throw UserError.onField("email", "tenancy.error.email", h.email());
        }
    }

    private static void required(String field, String value) {
        if (value.isEmpty()) {
            throw UserError.onField(field, "tenancy.error.required", field);
        }
        if (value.length() > 200) {
            throw UserError.onField(field, "tenancy.error.too-long", field, 200);
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static HelpDesk cleanHelpDesk(HelpDesk h) {
        if (h == null) {
            return new HelpDesk("", "", null);
        }
        String email = h.email() == null || h.email().isBlank() ? null : h.email().strip();
        return new HelpDesk(clean(h.phone()), clean(h.hours()), email);
    }
}
