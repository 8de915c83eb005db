package fr.preau.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Account;
import fr.preau.identity.IdentityServices;
import fr.preau.identity.NewAccount;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.identity.Role;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.HelpDesk;
import fr.preau.tenancy.SampleTenancy;
import fr.preau.testsupport.DatabaseContract;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff directory on each database: only the active agents of the reader's académie, names
 * found whatever their accents, case and order, filters, paging, suggestions, and nothing
 * private in an entry.
 */
abstract class StaffDirectoryContract extends DatabaseContract {

    static final String PASSWORD = "Marelle-Cerf-Volant-84!";

    IdentityServices identity;
    StaffDirectory directory;
    SampleTenancy sample;
    Establishment renard;
    int numen;

    Account reader;
    Account helene;
    Account jean;
    Account jeanne;
    Account secretary;
    Account nevers;

    @BeforeEach
    void setUp() {
        identity = IdentityServices.on(db);
        sample = identity.sample();
        identity.tenancy().createDepartment("test", "dijon", "58", "Nièvre", new HelpDesk("03 86 21 58 58", SampleTenancy.HOURS, null));
        renard = identity.tenancy().createEstablishment("test", "58", "0580031U", "Lycée Jules-Renard", "Nevers");
        directory = new StaffDirectory(identity.accounts(), identity.tenancy());

        reader = active("Camille", "Martin", "enseignant", SampleTenancy.CARNOT);
        helene = active("Hélène", "Lefèvre-Dupré", "enseignant", SampleTenancy.CARNOT);
        jean = active("Jean", "Dupont", "enseignant", SampleTenancy.BEAUNE);
        jeanne = active("Jeanne", "Dupont", "personnel administratif", SampleTenancy.CARNOT);
        secretary = active("Éric", "Zola", "personnel administratif", SampleTenancy.BEAUNE);
        nevers = active("Anaïs", "Œuvray", "chargé de cours", "0580031U");
        // not shown: pending, suspended, and an agent of another académie
        identity.create("Paul", "Attente", IdentityServices.numen(++numen));
        Account suspended = active("Sophie", "Dupont", "enseignant", SampleTenancy.CARNOT);
        identity.accounts().suspend(IdentityServices.ADMIN, suspended.login(), "test");
        active("Hugo", "Dupont", "enseignant", SampleTenancy.PARC);
    }

    Account active(String first, String last, String role, String uai) {
        int n = ++numen;
        String backup = "agent" + n + "@example.org";
        String mobile = "+336123456" + (10 + n);
        ProvisionedAccount created = identity.accounts().create(IdentityServices.ADMIN, new NewAccount(last, first,
                IdentityServices.numen(n), role, uai, null, null));
        long id = created.account().id();
        // as after a first connection that gave a backup address and a mobile number
        identity.repository().activate(id, identity.hasher().hash(PASSWORD), backup, mobile, identity.clock().instant());
        identity.codes().revoke(id);
        return identity.accounts().byId(id).orElseThrow();
    }

    List<String> names(DirectoryPage page) {
        return page.entries().stream().map(DirectoryEntry::displayName).toList();
    }

    List<String> search(String text) {
        return names(directory.search(reader.id(), DirectoryQuery.text(text), 0, 25));
    }

    @Test
    void listsOnlyTheActiveAgentsOfTheReadersAcademyByLastThenFirstName() {
        DirectoryPage all = directory.search(reader.id(), DirectoryQuery.all(), 0, 25);
        assertThat(names(all)).containsExactly("Jean Dupont", "Jeanne Dupont", "Hélène Lefèvre-Dupré",
                "Camille Martin", "Anaïs Œuvray", "Éric Zola");
        assertThat(all.total()).isEqualTo(6);
        assertThat(all.hasNext()).isFalse();
    }

    @Test
    void findsNamesWhateverTheirAccentsCaseAndOrder() {
        assertThat(search("helene")).containsExactly("Hélène Lefèvre-Dupré");
        assertThat(search("HÉLÈNE")).containsExactly("Hélène Lefèvre-Dupré");
        assertThat(search("dupre helene")).containsExactly("Hélène Lefèvre-Dupré");
        assertThat(search("lefevre")).containsExactly("Hélène Lefèvre-Dupré");
        assertThat(search("eric")).containsExactly("Éric Zola");
        assertThat(search("oeuvray")).containsExactly("Anaïs Œuvray");
        assertThat(search("anais")).containsExactly("Anaïs Œuvray");
        assertThat(search("dupont")).containsExactly("Jean Dupont", "Jeanne Dupont");
        assertThat(search("jean dupont")).containsExactly("Jean Dupont", "Jeanne Dupont");
        assertThat(search("jeanne")).containsExactly("Jeanne Dupont");
        // words start name words: "pont" is not the start of any
        assertThat(search("pont")).isEmpty();
        assertThat(search("Dupont Sophie")).as("suspended").isEmpty();
        assertThat(search("hugo")).as("another académie").isEmpty();
        assertThat(search("attente")).as("not activated").isEmpty();
        assertThat(search("%")).as("no word at all: everyone").hasSize(6);
    }

    @Test
    void filtersByEstablishmentDepartmentAndRole() {
        assertThat(names(directory.search(reader.id(), new DirectoryQuery(null, sample.beaune().id(), null, null), 0, 25)))
                .containsExactly("Jean Dupont", "Éric Zola");
        assertThat(names(directory.search(reader.id(), new DirectoryQuery(null, null, sample.coteDor().id(), null), 0, 25)))
                .containsExactly("Jean Dupont", "Jeanne Dupont", "Hélène Lefèvre-Dupré", "Camille Martin", "Éric Zola");
        assertThat(names(directory.search(reader.id(), new DirectoryQuery(null, null, renard.departmentId(), null), 0, 25)))
                .containsExactly("Anaïs Œuvray");
        assertThat(names(directory.search(reader.id(), new DirectoryQuery(null, null, null, Role.PERSONNEL_ADMINISTRATIF), 0, 25)))
                .containsExactly("Jeanne Dupont", "Éric Zola");
        assertThat(names(directory.search(reader.id(), new DirectoryQuery("dupont", null, null, Role.PERSONNEL_ADMINISTRATIF), 0, 25)))
                .containsExactly("Jeanne Dupont");
        // an établissement outside the département, or of another académie, gives nobody
        assertThat(directory.search(reader.id(), new DirectoryQuery(null, renard.id(), sample.coteDor().id(), null), 0, 25).total())
                .isZero();
        assertThat(directory.search(reader.id(), new DirectoryQuery(null, sample.parc().id(), null, null), 0, 25).total()).isZero();
        assertThat(directory.search(reader.id(), new DirectoryQuery(null, null, sample.rhone().id(), null), 0, 25).total()).isZero();
    }

    @Test
    void pagesThroughTheResults() {
        DirectoryPage first = directory.search(reader.id(), DirectoryQuery.all(), 0, 4);
        DirectoryPage second = directory.search(reader.id(), DirectoryQuery.all(), 4, 4);
        assertThat(names(first)).containsExactly("Jean Dupont", "Jeanne Dupont", "Hélène Lefèvre-Dupré", "Camille Martin");
        assertThat(names(second)).containsExactly("Anaïs Œuvray", "Éric Zola");
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(second.hasNext()).isFalse();
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.total()).isEqualTo(6);
        assertThat(second.first()).isEqualTo(5);
        assertThat(second.last()).isEqualTo(6);
        assertThat(directory.search(reader.id(), DirectoryQuery.all(), 40, 4).entries()).isEmpty();
    }

    @Test
    void showsACardOnlyForAnActiveColleagueOfTheSameAcademy() {
        DirectoryEntry card = directory.card(reader.id(), helene.id()).orElseThrow();
        assertThat(card.displayName()).isEqualTo("Hélène Lefèvre-Dupré");
        assertThat(card.email()).isEqualTo(helene.email());
        assertThat(card.role()).isEqualTo(Role.ENSEIGNANT);
        assertThat(card.establishment()).isEqualTo(new DirectoryEntry.Establishment(sample.carnot().id(),
                SampleTenancy.CARNOT, "Lycée Carnot", "Dijon"));
        assertThat(card.department()).isEqualTo(new DirectoryEntry.Department(sample.coteDor().id(), "21", "Côte-d'Or"));

        Account lyon = identity.accounts().byLogin("hdupont").orElseThrow();
        assertThat(directory.card(reader.id(), lyon.id())).as("another académie").isEmpty();
        assertThat(directory.card(reader.id(), identity.accounts().byLogin("sdupont").orElseThrow().id())).isEmpty();
        assertThat(directory.card(reader.id(), 999_999)).isEmpty();
        assertThat(directory.card(lyon.id(), lyon.id())).isPresent();
    }

    @Test
    void anInactiveReaderSeesNobody() {
        identity.accounts().suspend(IdentityServices.ADMIN, reader.login(), "test");
        assertThat(directory.search(reader.id(), DirectoryQuery.all(), 0, 25).total()).isZero();
        assertThat(directory.card(reader.id(), helene.id())).isEmpty();
        assertThat(directory.suggest(reader.id(), "he", 10)).isEmpty();
    }

    @Test
    void suggestsByThePrefixOfAFirstNameLastNameOrAddress() {
        assertThat(directory.suggest(reader.id(), "hél", 10)).extracting(DirectoryEntry::displayName)
                .containsExactly("Hélène Lefèvre-Dupré");
        assertThat(directory.suggest(reader.id(), "dup", 10)).extracting(DirectoryEntry::displayName)
                .containsExactly("Jean Dupont", "Jeanne Dupont", "Hélène Lefèvre-Dupré");
        assertThat(directory.suggest(reader.id(), "dup", 2)).hasSize(2);
        assertThat(directory.suggest(reader.id(), "jeanne.d", 10)).extracting(DirectoryEntry::email)
                .containsExactly("jeanne.dupont@ac-dijon.fr");
        assertThat(directory.suggest(reader.id(), "jean.dupont@", 10)).extracting(DirectoryEntry::email)
                .containsExactly("jean.dupont@ac-dijon.fr");
        assertThat(directory.suggest(reader.id(), "zo", 10)).extracting(DirectoryEntry::displayName)
                .containsExactly("Éric Zola");
        assertThat(directory.suggest(reader.id(), "hugo", 10)).isEmpty();
        assertThat(directory.suggest(reader.id(), " ", 10)).isEmpty();
        assertThat(directory.suggest(reader.id(), "_%", 10)).isEmpty();
    }

    @Test
    void anEntryCarriesNoNumenBackupAddressOrMobile() {
        assertThat(Arrays.stream(DirectoryEntry.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("accountId", "firstName", "lastName", "displayName", "role", "email",
                        "establishment", "department");
        Account full = identity.accounts().byId(helene.id()).orElseThrow();
        assertThat(full.backupEmail()).isNotNull();
        assertThat(full.mobile()).isNotNull();
        String shown = directory.card(reader.id(), helene.id()).orElseThrow().toString()
                + directory.search(reader.id(), DirectoryQuery.text("helene"), 0, 25)
                + directory.suggest(reader.id(), "hel", 10);
        assertThat(shown).doesNotContain(full.backupEmail(), full.mobile(), full.numenMasked(), "example.org");
    }
}
