package fr.preau.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.HelpDesk;
import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

abstract class TenancyRepositoryContract extends DatabaseContract {

    private static final String HOURS = "Mo-Fr 08:00-12:00,13:30-17:00";
    private TenancyRepository repository;

    @BeforeEach
    void setUp() {
        repository = new TenancyRepository(db.jdbc(), MutableClock.start());
    }

    private static Academy academy(String code, String name, String domain, String numenCode) {
        return new Academy(0, code, name, domain, numenCode, new HelpDesk("03 80 44 84 00", HOURS, null),
                true, 12, null);
    }

    @Test
    void insertsAndFindsAcademies() {
        long dijon = repository.insertAcademy(new Academy(0, "dijon", "Académie de Dijon", "ac-dijon.fr", "07",
                new HelpDesk("03 80 44 84 00", HOURS, "assistance@ac-dijon.fr"), false, 14, 365));
        repository.insertAcademy(academy("aix-marseille", "Académie d'Aix-Marseille", "ac-aix-marseille.fr", "02"));

        Academy read = repository.academyById(dijon).orElseThrow();
        assertThat(read).isEqualTo(new Academy(dijon, "dijon", "Académie de Dijon", "ac-dijon.fr", "07",
                new HelpDesk("03 80 44 84 00", HOURS, "assistance@ac-dijon.fr"), false, 14, 365));
        assertThat(repository.academyByCode("dijon")).contains(read);
        assertThat(repository.academyByDomain("ac-dijon.fr")).contains(read);
        assertThat(repository.academyByCode("lyon")).isEmpty();
        assertThat(repository.academyById(-1)).isEmpty();
        assertThat(repository.academies()).extracting(Academy::code).containsExactly("aix-marseille", "dijon");
        assertThat(db.jdbc().sql("select created_at from academy where id = ?").param(dijon)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single())
                .isEqualTo(MutableClock.START);
    }

    @Test
    void tellsWhetherAValueIsTakenByAnotherAcademy() {
        long dijon = repository.insertAcademy(academy("dijon", "Dijon", "ac-dijon.fr", "07"));
        assertThat(repository.academyExists("code", "dijon", 0)).isTrue();
        assertThat(repository.academyExists("code", "dijon", dijon)).as("itself").isFalse();
        assertThat(repository.academyExists("mail_domain", "ac-dijon.fr", 0)).isTrue();
        assertThat(repository.academyExists("numen_code", "10", 0)).isFalse();
    }

    @Test
    void refusesDuplicateAcademies() {
        repository.insertAcademy(academy("dijon", "Dijon", "ac-dijon.fr", "07"));
        assertThatThrownBy(() -> repository.insertAcademy(academy("dijon2", "Dijon", "ac-dijon.fr", "08")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> repository.insertAcademy(academy("lyon", "Lyon", "ac-lyon.fr", "07")))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void updatesAnAcademyPolicyAndHelpDesk() {
        long id = repository.insertAcademy(academy("dijon", "Dijon", "ac-dijon.fr", "07"));
        Academy changed = new Academy(id, "dijon", "Académie de Dijon", "ac-dijon.fr", "07",
                new HelpDesk("03 80 00 00 00", "Mo 09:00-12:00", "help@ac-dijon.fr"), false, 16, 180);
        repository.updateAcademy(changed);
        assertThat(repository.academyById(id)).contains(changed);
        Academy back = new Academy(id, "dijon", "Dijon", "ac-dijon.fr", "07",
                new HelpDesk("03 80 00 00 00", "Mo 09:00-12:00", null), true, 12, null);
        repository.updateAcademy(back);
        assertThat(repository.academyById(id)).contains(back);
    }

    @Test
    void keepsDepartmentsAndEstablishmentsInOrder() {
        long dijon = repository.insertAcademy(academy("dijon", "Dijon", "ac-dijon.fr", "07"));
        long lyon = repository.insertAcademy(academy("lyon", "Lyon", "ac-lyon.fr", "10"));
        long d58 = repository.insertDepartment(new Department(0, dijon, "58", "Nièvre", new HelpDesk("0386", HOURS, null)));
        long d21 = repository.insertDepartment(new Department(0, dijon, "21", "Côte-d'Or",
                new HelpDesk("0345", HOURS, "dsden21@ac-dijon.fr")));
        long d69 = repository.insertDepartment(new Department(0, lyon, "69", "Rhône", new HelpDesk("0472", HOURS, null)));

        assertThat(repository.departments(dijon)).extracting(Department::code).containsExactly("21", "58");
        assertThat(repository.departmentByCode("21")).contains(
                new Department(d21, dijon, "21", "Côte-d'Or", new HelpDesk("0345", HOURS, "dsden21@ac-dijon.fr")));
        assertThat(repository.departmentById(d58).orElseThrow().name()).isEqualTo("Nièvre");
        assertThat(repository.departmentByCode("2A")).isEmpty();

        long carnot = repository.insertEstablishment(new Establishment(0, d21, "0210015C", "Lycée Carnot", "Dijon"));
        repository.insertEstablishment(new Establishment(0, d21, "0211234C", "Collège Monge", "Beaune"));
        repository.insertEstablishment(new Establishment(0, d21, "0210016D", "Collège Anne Frank", "Dijon"));
        repository.insertEstablishment(new Establishment(0, d58, "0580001L", "Lycée Jules Renard", "Nevers"));
        repository.insertEstablishment(new Establishment(0, d69, "0690026D", "Lycée du Parc", "Lyon"));

        assertThat(repository.establishments(d21)).extracting(Establishment::name)
                .containsExactly("Collège Monge", "Collège Anne Frank", "Lycée Carnot");
        assertThat(repository.establishmentsOfAcademy(dijon)).extracting(Establishment::uai)
                .containsExactly("0211234C", "0210016D", "0210015C", "0580001L");
        assertThat(repository.establishmentByUai("0210015C")).contains(
                new Establishment(carnot, d21, "0210015C", "Lycée Carnot", "Dijon"));
        assertThat(repository.establishmentById(carnot).orElseThrow().city()).isEqualTo("Dijon");
        assertThat(repository.establishmentByUai("0000000A")).isEmpty();

        repository.updateEstablishment(new Establishment(carnot, d58, "ignored", "Lycée Sadi Carnot", "Nevers"));
        assertThat(repository.establishmentById(carnot)).contains(
                new Establishment(carnot, d58, "0210015C", "Lycée Sadi Carnot", "Nevers"));

        repository.updateDepartment(new Department(d21, dijon, "21", "Côte d'Or", new HelpDesk("0346", "Tu 09:00-10:00", null)));
        assertThat(repository.departmentById(d21)).contains(
                new Department(d21, dijon, "21", "Côte d'Or", new HelpDesk("0346", "Tu 09:00-10:00", null)));
    }

    @Test
    void refusesDuplicateCodesAndDanglingReferences() {
        long dijon = repository.insertAcademy(academy("dijon", "Dijon", "ac-dijon.fr", "07"));
        long d21 = repository.insertDepartment(new Department(0, dijon, "21", "Côte-d'Or", new HelpDesk("0345", HOURS, null)));
        assertThatThrownBy(() -> repository.insertDepartment(
                new Department(0, dijon, "21", "Again", new HelpDesk("0345", HOURS, null))))
                .isInstanceOf(DuplicateKeyException.class);
        repository.insertEstablishment(new Establishment(0, d21, "0210015C", "Lycée Carnot", "Dijon"));
        assertThatThrownBy(() -> repository.insertEstablishment(new Establishment(0, d21, "0210015C", "Other", "Dijon")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> repository.insertEstablishment(new Establishment(0, 999_999, "0211234C", "X", "Y")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
