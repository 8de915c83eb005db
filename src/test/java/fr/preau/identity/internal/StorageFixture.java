package fr.preau.identity.internal;

import fr.preau.identity.Role;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.HelpDesk;
import fr.preau.tenancy.internal.TenancyRepository;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestDatabase;
import java.util.HexFormat;

/** Académies and établissements inserted straight through the repository, and account rows to insert. */
final class StorageFixture {

    final long dijon;
    final long lyon;
    final long carnot;
    final long beaune;
    final long parc;

    StorageFixture(TestDatabase db, MutableClock clock) {
        TenancyRepository tenancy = new TenancyRepository(db.jdbc(), clock);
        HelpDesk desk = new HelpDesk("03 80 44 84 00", "Mo-Fr 08:00-17:00", null);
        dijon = tenancy.insertAcademy(new Academy(0, "dijon", "Dijon", "ac-dijon.fr", "07", desk, true, 12, null));
        lyon = tenancy.insertAcademy(new Academy(0, "lyon", "Lyon", "ac-lyon.fr", "10", desk, true, 12, null));
        long d21 = tenancy.insertDepartment(new Department(0, dijon, "21", "Côte-d'Or", desk));
        long d69 = tenancy.insertDepartment(new Department(0, lyon, "69", "Rhône", desk));
        carnot = tenancy.insertEstablishment(new Establishment(0, d21, "0210015C", "Lycée Carnot", "Dijon"));
        beaune = tenancy.insertEstablishment(new Establishment(0, d21, "0211234C", "Collège Monge", "Beaune"));
        parc = tenancy.insertEstablishment(new Establishment(0, d69, "0690026D", "Lycée du Parc", "Lyon"));
    }

    /** A fake NUMEN hash, distinct for each {@code n}. */
    static String numenHash(int n) {
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putInt(28, n).array());
    }

    AccountRepository.NewRow row(String login, String first, String last, int n, java.time.Instant at) {
        return new AccountRepository.NewRow(dijon, carnot, login, login + "@ac-dijon.fr", last, first,
                Role.ENSEIGNANT, numenHash(n), "07•••••••••BC", null, null, at);
    }
}
