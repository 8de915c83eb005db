package fr.preau.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Role;
import fr.preau.identity.StaffPage;
import fr.preau.identity.StaffQuery;
import fr.preau.testsupport.TestDatabase;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V11 gives the accounts that existed before it the same name keys as the
 * application computes, and the staff directory's queries give the right pages on an académie of
 * 50,000 accounts (they filter and sort in SQL, on the académie/status/keys index; times are printed).
 */
abstract class StaffKeysAndScaleContract {

    static final List<String> NAMES = List.of("Hélène", "LEFÈVRE-Dupré", "Œuvray", "D’Artagnan", "Le Goff", "Zoé",
            "François", "Anaïs", "Ñúñez", "Ælis");

    abstract TestDatabase.Engine engine();

    @Test
    void theMigrationGivesExistingAccountsTheKeysTheApplicationComputes() {
        try (TestDatabase db = TestDatabase.createEmpty(engine())) {
            Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").target("8").load().migrate();
            long establishment = tenancy(db);
            for (int i = 0; i < NAMES.size(); i++) {
                db.jdbc().sql("""
                        insert into account (academy_id, establishment_id, login, email, last_name, first_name, role,
                                             numen_hash, numen_masked, status, created_at)
                        select academy_id, e.id, ?, ?, ?, ?, 'ENSEIGNANT', ?, '07•••AB', 'ACTIVE', ?
                        from establishment e join department d on d.id = e.department_id where e.id = ?""")
                        .params("a" + i, "a" + i + "@ac-dijon.fr", NAMES.get(i), NAMES.get((i + 1) % NAMES.size()),
                                "%064d".formatted(i), OffsetDateTime.now(), establishment).update();
            }
            db.migrate();
            List<Map<String, Object>> rows = db.jdbc().sql("select last_name, first_name, last_name_key, first_name_key from account")
                    .query().listOfRows();
            assertThat(rows).hasSize(NAMES.size()).allSatisfy(row -> {
                assertThat(row.get("last_name_key")).isEqualTo(NameKeys.of((String) row.get("last_name")));
                assertThat(row.get("first_name_key")).isEqualTo(NameKeys.of((String) row.get("first_name")));
            });
        }
    }

    @Test
    void searchesAnAcademyOf50000AccountsQuickly() {
        try (TestDatabase db = TestDatabase.create(engine())) {
            long establishment = tenancy(db);
            long academy = db.jdbc().sql("select id from academy").query(Long.class).single();
            List<String> last = List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
                    "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
                    "Vincent", "Fournier");
            List<String> first = List.of("Camille", "Léa", "Hugo", "Chloé", "Lucas", "Inès", "Louis", "Jade", "Gabriel",
                    "Zoé", "Jules", "Manon", "Adam", "Élodie", "Arthur");
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 50_000; i++) {
                String l = last.get(i % last.size()) + (i % 7 == 0 ? "" : "-" + (char) ('a' + i % 26) + (i % 997));
                String f = first.get(i % first.size());
                rows.add(new Object[] {academy, establishment, "u" + i, "u" + i + "@ac-dijon.fr", l, f,
                        Role.values()[i % 4].name(), "%064d".formatted(i), i % 10 == 0 ? "SUSPENDED" : "ACTIVE",
                        OffsetDateTime.now(), NameKeys.of(l), NameKeys.of(f)});
            }
            db.template().batchUpdate("""
                    insert into account (academy_id, establishment_id, login, email, last_name, first_name, role,
                                         numen_hash, numen_masked, status, created_at, last_name_key, first_name_key)
                    values (?, ?, ?, ?, ?, ?, ?, ?, '07•••AB', ?, ?, ?, ?)""", rows);
            if (engine() == TestDatabase.Engine.POSTGRESQL) {
                db.jdbc().sql("analyze account").update();
            }
            StaffRepository staff = new StaffRepository(db.jdbc());
            staff.search(academy, StaffQuery.any(), 0, 25);

            StaffPage all = timed("first page of all", () -> staff.search(academy, StaffQuery.any(), 0, 25));
            assertThat(all.total()).isEqualTo(45_000);
            assertThat(all.members()).hasSize(25);
            StaffPage deep = timed("page 1000 of all", () -> staff.search(academy, StaffQuery.any(), 24_975, 25));
            assertThat(deep.members()).hasSize(25);
            StaffPage words = timed("two words", () -> staff.search(academy, new StaffQuery("hugo lefevre", null, null), 0, 25));
            assertThat(words.members()).isNotEmpty().allSatisfy(m -> assertThat(m.lastName()).startsWith("Lefèvre"));
            timed("word and role", () -> staff.search(academy, new StaffQuery("elodie", Set.of(establishment),
                    Role.CHARGE_DE_COURS), 0, 25));
            assertThat(timed("suggestions", () -> staff.byPrefix(academy, "ber", 10))).hasSize(10);
        }
    }

    private <T> T timed(String what, Supplier<T> query) {
        long start = System.nanoTime();
        T result = query.get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("staff directory on %s, 50,000 accounts, %s: %d ms%n", engine(), what, ms);
        // printed for the record, not asserted: tests check behaviour, timings go to bench/ and PERFORMANCE.md
        return result;
    }

    private static long tenancy(TestDatabase db) {
        db.jdbc().sql("""
                insert into academy (code, name, mail_domain, numen_code, helpdesk_phone, helpdesk_hours, created_at)
                values ('dijon', 'Académie de Dijon', 'ac-dijon.fr', '07', '03 80 44 84 00', 'Mo-Fr 08:00-12:00', ?)""")
                .param(OffsetDateTime.now()).update();
        db.jdbc().sql("""
                insert into department (academy_id, code, name, helpdesk_phone, helpdesk_hours)
                select id, '21', 'Côte-d''Or', '03 45 62 75 00', 'Mo-Fr 08:00-12:00' from academy""").update();
        db.jdbc().sql("""
                insert into establishment (department_id, uai, name, city)
                select id, '0210015C', 'Lycée Carnot', 'Dijon' from department""").update();
        return db.jdbc().sql("select id from establishment").query(Long.class).single();
    }
}
