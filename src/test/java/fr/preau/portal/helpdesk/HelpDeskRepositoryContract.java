package fr.preau.portal.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.HelpDesk;
import fr.preau.tenancy.internal.TenancyRepository;
import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * The help-desk tables on each engine: requests are found only within a scope (a département,
 * or a whole académie), listed by status oldest first, counted by status; the history keeps its
 * order and the status that came with an entry; the requester's side sees only public entries.
 */
abstract class HelpDeskRepositoryContract extends DatabaseContract {

    private final MutableClock clock = MutableClock.start();
    private HelpDeskRepository repository;
    private References references;
    private long dijon;
    private long lyon;
    private long coteDor;
    private long nievre;
    private long rhone;

    @BeforeEach
    void setUp() {
        TenancyRepository tenancy = new TenancyRepository(db.jdbc(), clock);
        HelpDesk desk = new HelpDesk("03 80 44 84 00", "Mo-Fr 08:00-17:00", null);
        dijon = tenancy.insertAcademy(new Academy(0, "dijon", "Dijon", "ac-dijon.fr", "07", desk, true, 12, null));
        lyon = tenancy.insertAcademy(new Academy(0, "lyon", "Lyon", "ac-lyon.fr", "10", desk, true, 12, null));
        coteDor = tenancy.insertDepartment(new Department(0, dijon, "21", "Côte-d'Or", desk));
        nievre = tenancy.insertDepartment(new Department(0, dijon, "58", "Nièvre", desk));
        rhone = tenancy.insertDepartment(new Department(0, lyon, "69", "Rhône", desk));
        repository = new HelpDeskRepository(db.jdbc());
        references = new References(TestProperties.secretKeys());
    }

    private String file(long academy, long department, String lastName) {
        String reference = references.newReference();
        repository.insert(new HelpDeskRepository.NewRequest(reference, references.accessHash(reference, "ABCD-EFGH"),
                academy, department, department, lastName, "Jean", "jdupont", "ab".repeat(32), "jean@example.org",
                "06 12 34 56 78", "Je ne peux plus me connecter depuis lundi.\nMerci.", clock.instant()));
        clock.advance(Duration.ofMinutes(1));
        return reference;
    }

    private static SupportScope support(long academy, long department) {
        return new SupportScope("support", academy, department);
    }

    @Test
    void keepsWhatWasTypedAndStartsNew() {
        String reference = file(dijon, coteDor, "Dupont");
        HelpDeskRequest r = repository.inScope(support(dijon, coteDor), reference).orElseThrow();
        assertThat(r.reference()).isEqualTo(reference).matches("HD-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(r.status()).isEqualTo(RequestStatus.NEW);
        assertThat(r.lastName()).isEqualTo("Dupont");
        assertThat(r.identifier()).isEqualTo("jdupont");
        assertThat(r.numenHash()).isEqualTo("ab".repeat(32));
        assertThat(r.numenGiven()).isTrue();
        assertThat(r.contactEmail()).isEqualTo("jean@example.org");
        assertThat(r.message()).isEqualTo("Je ne peux plus me connecter depuis lundi.\nMerci.");
        assertThat(r.createdAt()).isEqualTo(MutableClock.START).isEqualTo(r.updatedAt());
        assertThat(r.departmentId()).isEqualTo(coteDor);
        assertThat(repository.referenceExists(reference)).isTrue();
        assertThat(repository.referenceExists("HD-AAAA-AAAA")).isFalse();
    }

    @Test
    void findsARequestOnlyWithinTheScope() {
        String reference = file(dijon, coteDor, "Dupont");
        assertThat(repository.inScope(support(dijon, coteDor), reference)).isPresent();
        assertThat(repository.inScope(new SupportScope("admin", dijon, null), reference)).as("the académie's admin").isPresent();
        assertThat(repository.inScope(support(dijon, nievre), reference)).as("another département").isEmpty();
        assertThat(repository.inScope(support(lyon, rhone), reference)).as("another académie").isEmpty();
        assertThat(repository.inScope(new SupportScope("admin", lyon, null), reference)).as("another académie's admin").isEmpty();
        assertThat(repository.inScope(support(lyon, coteDor), reference)).as("a scope that does not add up").isEmpty();
    }

    @Test
    void listsByStatusOldestFirstAndCountsWithinTheScope() {
        String first = file(dijon, coteDor, "Premier");
        String second = file(dijon, coteDor, "Second");
        String other = file(dijon, nievre, "Nievre");
        file(lyon, rhone, "Lyon");
        long secondId = repository.byReference(second).orElseThrow().id();
        repository.addEntry(secondId, clock.instant(), EntryKind.ANSWER, "lmoreau", "Réglé.", RequestStatus.RESOLVED);

        assertThat(repository.list(support(dijon, coteDor), RequestStatus.OPEN, 100))
                .extracting(HelpDeskRequest::reference).containsExactly(first);
        assertThat(repository.list(support(dijon, coteDor), EnumSet.allOf(RequestStatus.class), 100))
                .extracting(HelpDeskRequest::reference).containsExactly(first, second);
        assertThat(repository.list(new SupportScope("admin", dijon, null), RequestStatus.OPEN, 100))
                .extracting(HelpDeskRequest::reference).containsExactly(first, other);
        assertThat(repository.list(new SupportScope("admin", dijon, null), RequestStatus.OPEN, 1)).hasSize(1);
        assertThat(repository.counts(support(dijon, coteDor)))
                .containsEntry(RequestStatus.NEW, 1).containsEntry(RequestStatus.RESOLVED, 1)
                .containsEntry(RequestStatus.REJECTED, 0);
        assertThat(repository.counts(new SupportScope("admin", lyon, null))).containsEntry(RequestStatus.NEW, 1);
    }

    @Test
    void keepsTheHistoryInOrderAndHidesInternalEntriesFromTheRequester() {
        String reference = file(dijon, coteDor, "Dupont");
        long id = repository.byReference(reference).orElseThrow().id();
        Instant t0 = clock.instant();
        repository.addEntry(id, t0, EntryKind.ACTION, "lmoreau", HistoryAction.IDENTITY_MATCHED.body("jdupont"), null);
        repository.addEntry(id, t0, EntryKind.NOTE, "lmoreau", "Rappelé à 10 h", RequestStatus.IN_PROGRESS);
        repository.addEntry(id, t0.plusSeconds(60), EntryKind.ANSWER, "lmoreau", "Un lien vous a été envoyé.",
                RequestStatus.WAITING_FOR_AGENT);
        repository.addEntry(id, t0.plusSeconds(120), EntryKind.REQUESTER, null, "Merci, c’est bon.", null);

        List<HistoryEntry> all = repository.history(id, false);
        assertThat(all).extracting(HistoryEntry::kind)
                .containsExactly(EntryKind.ACTION, EntryKind.NOTE, EntryKind.ANSWER, EntryKind.REQUESTER);
        assertThat(all.get(0).action()).isEqualTo(HistoryAction.IDENTITY_MATCHED);
        assertThat(all.get(0).actionLogin()).isEqualTo("jdupont");
        assertThat(all.get(1).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(all.get(3).author()).isNull();
        assertThat(repository.history(id, true)).extracting(HistoryEntry::body)
                .containsExactly("Un lien vous a été envoyé.", "Merci, c’est bon.");

        HelpDeskRequest after = repository.byReference(reference).orElseThrow();
        assertThat(after.status()).as("the last status given").isEqualTo(RequestStatus.WAITING_FOR_AGENT);
        assertThat(after.updatedAt()).isEqualTo(t0.plusSeconds(120));
    }

    @Test
    void keepsOnlyAKeyedHashOfTheFollowUpCode() {
        String reference = file(dijon, coteDor, "Dupont");
        String stored = repository.accessHash(reference).orElseThrow();
        assertThat(stored).matches("[0-9a-f]{64}");
        assertThat(references.opens(stored, reference, "abcd efgh")).as("typed loosely").isTrue();
        assertThat(references.opens(stored, reference, "ABCD-EFGJ")).isFalse();
        assertThat(references.opens(stored, references.newReference(), "ABCD-EFGH")).as("bound to its reference").isFalse();
        assertThat(db.jdbc().sql("select count(*) from helpdesk_request where access_hash like '%ABCD%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void refusesATakenReferenceAndDeletesTheHistoryWithTheRequest() {
        String reference = file(dijon, coteDor, "Dupont");
        assertThatThrownBy(() -> repository.insert(new HelpDeskRepository.NewRequest(reference, "0".repeat(64), dijon,
                coteDor, coteDor, "X", "Y", null, null, null, "0380000000", "m", clock.instant())))
                .isInstanceOf(DuplicateKeyException.class);
        long id = repository.byReference(reference).orElseThrow().id();
        repository.addEntry(id, clock.instant(), EntryKind.NOTE, "lmoreau", "note", null);
        db.jdbc().sql("delete from helpdesk_request where id = ?").param(id).update();
        assertThat(db.count("helpdesk_entry")).isZero();
    }

    @Test
    void storesAnEmptyBodyForABareStatusChange() {
        String reference = file(dijon, coteDor, "Dupont");
        long id = repository.byReference(reference).orElseThrow().id();
        repository.addEntry(id, clock.instant(), EntryKind.ANSWER, "lmoreau", "", RequestStatus.RESOLVED);
        assertThat(repository.history(id, true)).singleElement()
                .satisfies(h -> assertThat(h.body()).isEmpty())
                .satisfies(h -> assertThat(h.status()).isEqualTo(RequestStatus.RESOLVED));
    }
}
