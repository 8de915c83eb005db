package fr.preau.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.platform.AuditLog;
import fr.preau.platform.PlatformFactory;
import fr.preau.platform.UserError;
import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestDatabase;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenancy service on H2: normal forms, validation field by field, audit. */
class TenancyTest extends DatabaseContract {

    private static final HelpDesk DESK = new HelpDesk("03 80 44 84 00", "Mo-Fr 08:00-17:00", null);
    private AuditLog audit;
    private Tenancy tenancy;

    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }

    @BeforeEach
    void setUp() {
        MutableClock clock = MutableClock.start();
        audit = PlatformFactory.auditLog(db.jdbc(), clock);
        tenancy = TenancyFactory.tenancy(db.jdbc(), clock, audit);
    }

    private static void refused(ThrowableAssert.ThrowingCallable call, String field, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserError.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.key()).isEqualTo(key);
        });
    }

    private Academy dijon() {
        return tenancy.createAcademy("admin", new AcademyDraft("dijon", "Académie de Dijon", "ac-dijon.fr", "07", DESK));
    }

    @Test
    void createsAnAcademyInNormalFormWithTheDefaultPolicy() {
        Academy academy = tenancy.createAcademy("admin", new AcademyDraft(" Aix-Marseille ", " Académie d'Aix-Marseille ",
                " AC-Aix-Marseille.FR ", " 02 ", new HelpDesk(" 04 42 91 70 00 ", " Mo-Fr 08:30-17:00 ", "  ")));
        assertThat(academy).isEqualTo(new Academy(academy.id(), "aix-marseille", "Académie d'Aix-Marseille",
                "ac-aix-marseille.fr", "02", new HelpDesk("04 42 91 70 00", "Mo-Fr 08:30-17:00", null), true, 12, null));
        assertThat(tenancy.academy(" AIX-MARSEILLE ")).contains(academy);
        assertThat(tenancy.academyByDomain("AC-AIX-MARSEILLE.FR")).contains(academy);
        assertThat(tenancy.academy(academy.id())).isEqualTo(academy);
        assertThat(tenancy.academy((String) null)).isEmpty();
        assertThat(audit.latest("ACADEMY_CREATED", 1).getFirst()).extracting(AuditLog.Event::actor, AuditLog.Event::details)
                .containsExactly("admin", "academy=aix-marseille");
    }

    @Test
    void refusesInvalidAcademies() {
        dijon();
        refused(() -> tenancy.createAcademy("a", new AcademyDraft("Lyon 1", "Lyon", "ac-lyon.fr", "10", DESK)),
                "code", "tenancy.error.academy-code");
        refused(() -> tenancy.createAcademy("a", new AcademyDraft("lyon", "", "ac-lyon.fr", "10", DESK)),
                "name", "tenancy.error.required");
        refused(() -> tenancy.createAcademy("a", new AcademyDraft("lyon", "L".repeat(201), "ac-lyon.fr", "10", DESK)),
                "name", "tenancy.error.too-long");
        refused(() -> tenancy.createAcademy("a", new AcademyDraft("lyon", "Lyon", "ac lyon.fr", "10", DESK)),
                "domain", "tenancy.error.domain");
        refused(() -> tenancy.createAcademy("a", new AcademyDraft("lyon", "Lyon", "ac-lyon.fr", "1O", DESK)),
                "numen-code", "tenancy.error.numen-code");
        refused(() -> tenancy.createAcademy("a", new AcademyDraft("dijon", "Lyon", "ac-lyon.fr", "10", DESK)),
                "code", "tenancy.error.academy-exists");
        refused(() -> tenancy.createAcademy("a", new AcademyDraft("lyon", "Lyon", "AC-DIJON.fr", "10", DESK)),
                "domain", "tenancy.error.domain-exists");
        refused(() -> tenancy.createAcademy("a", new AcademyDraft("lyon", "Lyon", "ac-lyon.fr", "07", DESK)),
                "numen-code", "tenancy.error.numen-code-exists");
        refused(() -> tenancy.createAcademy("a", new AcademyDraft("lyon", "Lyon", "ac-lyon.fr", "10",
                new HelpDesk("appelez-nous", "Mo-Fr 08:00-17:00", null))), "phone", "tenancy.error.phone");
        refused(() -> tenancy.createAcademy("a", new AcademyDraft("lyon", "Lyon", "ac-lyon.fr", "10",
                new HelpDesk("04 72 80 60 60", "lundi 8h-12h", null))), "hours", "tenancy.error.hours");
        refused(() -> tenancy.createAcademy("a", new AcademyDraft("lyon", "Lyon", "ac-lyon.fr", "10",
                new HelpDesk("04 72 80 60 60", "Mo 08:00-12:00", "pas une adresse"))), "email", "tenancy.error.email");
        refused(() -> tenancy.createAcademy("a", new AcademyDraft("lyon", "Lyon", "ac-lyon.fr", "10", null)),
                "phone", "tenancy.error.phone");
        assertThat(tenancy.academies()).extracting(Academy::code).containsExactly("dijon");
    }

    @Test
    void updatesThePolicyWithinItsBounds() {
        Academy dijon = dijon();
        Academy stricter = tenancy.updateAcademy("admin", new Academy(dijon.id(), "ignored", "Académie de Dijon",
                "ac-dijon.fr", "07", DESK, false, 16, 365));
        assertThat(stricter).extracting(Academy::code, Academy::numenActivationAllowed, Academy::passwordMinLength,
                Academy::passwordMaxAgeDays).containsExactly("dijon", false, 16, 365);
        refused(() -> tenancy.updateAcademy("admin", new Academy(dijon.id(), "dijon", "Dijon", "ac-dijon.fr", "07", DESK,
                true, 7, null)), "password-min-length", "tenancy.error.password-min-length");
        refused(() -> tenancy.updateAcademy("admin", new Academy(dijon.id(), "dijon", "Dijon", "ac-dijon.fr", "07", DESK,
                true, 65, null)), "password-min-length", "tenancy.error.password-min-length");
        refused(() -> tenancy.updateAcademy("admin", new Academy(dijon.id(), "dijon", "Dijon", "ac-dijon.fr", "07", DESK,
                true, 12, 29)), "password-max-age", "tenancy.error.password-max-age");
        refused(() -> tenancy.updateAcademy("admin", new Academy(dijon.id(), "dijon", "Dijon", "ac-dijon.fr", "07", DESK,
                true, 12, 3651)), "password-max-age", "tenancy.error.password-max-age");
        assertThat(tenancy.academy(dijon.id())).isEqualTo(stricter);
        assertThat(audit.latest("ACADEMY_UPDATED", 10)).hasSize(1);
    }

    @Test
    void createsDepartmentsAndEstablishments() {
        dijon();
        Department coteDor = tenancy.createDepartment("admin", "DIJON", "21", "Côte-d'Or", DESK);
        assertThat(tenancy.createDepartment("admin", "dijon", "2a", "Corse-du-Sud", DESK).code()).isEqualTo("2A");
        assertThat(tenancy.createDepartment("admin", "dijon", "974", "La Réunion", DESK).code()).isEqualTo("974");
        assertThat(tenancy.department(" 2a ")).isPresent();
        assertThat(tenancy.departments(coteDor.academyId())).extracting(Department::code).containsExactly("21", "2A", "974");

        Establishment carnot = tenancy.createEstablishment("admin", "21", " 0210015c ", " Lycée Carnot ", " Dijon ");
        assertThat(carnot).isEqualTo(new Establishment(carnot.id(), coteDor.id(), "0210015C", "Lycée Carnot", "Dijon"));
        assertThat(tenancy.establishment("0210015c")).contains(carnot);
        assertThat(tenancy.academyOf(carnot).code()).isEqualTo("dijon");
        assertThat(tenancy.establishmentsOfAcademy(coteDor.academyId())).containsExactly(carnot);

        refused(() -> tenancy.createDepartment("admin", "lyon", "69", "Rhône", DESK), "academy", "tenancy.error.academy-unknown");
        refused(() -> tenancy.createDepartment("admin", null, "69", "Rhône", DESK), "academy", "tenancy.error.academy-unknown");
        refused(() -> tenancy.createDepartment("admin", "dijon", "2C", "Corse", DESK), "code", "tenancy.error.department-code");
        refused(() -> tenancy.createDepartment("admin", "dijon", "21", "Côte-d'Or", DESK), "code", "tenancy.error.department-exists");
        refused(() -> tenancy.createEstablishment("admin", "58", "0580001L", "Lycée", "Nevers"), "department",
                "tenancy.error.department-unknown");
        refused(() -> tenancy.createEstablishment("admin", "21", "0210015D", "Lycée", "Dijon"), "uai", "tenancy.error.uai-invalid");
        refused(() -> tenancy.createEstablishment("admin", "21", "0210015C", "Autre", "Dijon"), "uai", "tenancy.error.uai-exists");
        refused(() -> tenancy.createEstablishment("admin", "21", "0211234C", "Collège", " "), "city", "tenancy.error.required");
    }

    @Test
    void movesAnEstablishmentButKeepsItsUai() {
        dijon();
        Department coteDor = tenancy.createDepartment("admin", "dijon", "21", "Côte-d'Or", DESK);
        Department nievre = tenancy.createDepartment("admin", "dijon", "58", "Nièvre", DESK);
        Establishment e = tenancy.createEstablishment("admin", "21", "0210015C", "Lycée Carnot", "Dijon");
        Establishment moved = tenancy.updateEstablishment("admin",
                new Establishment(e.id(), nievre.id(), "9999999P", "Lycée Sadi Carnot", "Nevers"));
        assertThat(moved).isEqualTo(new Establishment(e.id(), nievre.id(), "0210015C", "Lycée Sadi Carnot", "Nevers"));
        assertThat(tenancy.establishments(coteDor.id())).isEmpty();
        Department renamed = tenancy.updateDepartment("admin", new Department(coteDor.id(), 999, "99", "Côte d'Or",
                new HelpDesk("03 45 62 75 00", "Tu 09:00-12:00", "dsden21@ac-dijon.fr")));
        assertThat(renamed).isEqualTo(new Department(coteDor.id(), coteDor.academyId(), "21", "Côte d'Or",
                new HelpDesk("03 45 62 75 00", "Tu 09:00-12:00", "dsden21@ac-dijon.fr")));
    }
}
