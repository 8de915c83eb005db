package fr.preau.admin;

import static fr.preau.admin.Fixture.CARNOT;
import static fr.preau.admin.Fixture.PARDE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.admin.PreauJar.Cli;
import fr.preau.admin.PreauJar.Invocation;
import fr.preau.admin.PreauJar.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main path of {@code preau admin} against PostgreSQL (PREAU_DB_URL): a database of its
 * own, created and dropped here. Skipped only with {@code -Dpreau.test.postgres=false}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminCliPostgresIT {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @TempDir
    static Path work;

    String database;
    Cli cli;

    @BeforeAll
    void createDatabase() throws SQLException {
        PreauJar.assumePackaged();
        Assumptions.assumeFalse("false".equals(System.getProperty("preau.test.postgres")),
                "PostgreSQL tests disabled by -Dpreau.test.postgres=false");
        database = "preau_cli_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffff_ffff_ffffL);
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        cli = new Cli(work.resolve("data"))
                .with("PREAU_DB_URL", SERVER + database)
                .with("PREAU_DB_USER", "postgres")
                .with("PREAU_DB_PASSWORD", "");
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void mainPathOnPostgres() throws Exception {
        Invocation[] tenancy = Fixture.tenancy();
        // the first command creates the schema; the others may then run side by side
        cli.run(tenancy[0]).expectExit(0);
        cli.run(tenancy[1]).expectExit(0);
        cli.parallel(tenancy[2], tenancy[3]).forEach(r -> r.expectExit(0));

        Path hr = Files.writeString(work.resolve("hr.csv"), """
                nom,prénom,numen,rôle,uai
                Dupont,Jean,07T9412346ABC,enseignant,%s
                Martin,Zoé,07T9412347ABC,chargé de cours,%s
                Faux,Numen,07E94,enseignant,%s
                """.formatted(PARDE, PARDE, CARNOT));
        List<Result> first = cli.parallel(
                Invocation.of("account", "create", "--last-name", "Bernard", "--first-name", "Paul", "--numen",
                        "--role", "enseignant", "--uai", CARNOT).stdin("07T9412345ABC\n"),
                Invocation.of("account", "import", hr.toString(), "--skip-invalid",
                        "--letters", work.resolve("lettres").toString()));
        assertThat(first.get(0).expectExit(0).out()).contains("pbernard", "paul.bernard@ac-dijon.fr",
                "Ce code ne sera plus affiché");
        Result imported = first.get(1).expectExit(0);
        assertThat(imported.err()).contains("ligne 4 (numen) : NUMEN invalide", "1 ligne(s) en erreur ignorée(s)");
        assertThat(imported.out()).contains("3 ligne(s) lue(s), 2 compte(s) créé(s)", "2 lettre(s) d’activation");
        assertThat(Files.readString(work.resolve("lettres").resolve(PARDE + ".html"))).contains("zmartin");

        List<Result> second = cli.parallel(
                Invocation.of("account", "list", "--academy", "dijon"),
                Invocation.of("account", "suspend", "zmartin", "--reason", "test"),
                Invocation.of("audit", "list"));
        assertThat(second.get(0).expectExit(0).out()).contains("pbernard", "jdupont", "zmartin", "3 compte(s).");
        assertThat(second.get(1).expectExit(0).out()).contains("Compte zmartin suspendu");
        assertThat(second.get(2).expectExit(0).out()).contains("ACCOUNTS_IMPORTED", "ACCOUNT_CREATED",
                "ESTABLISHMENT_CREATED", "DEPARTMENT_CREATED", "ACADEMY_CREATED").doesNotContain("07T9412345ABC");

        try (Connection db = DriverManager.getConnection(SERVER + database, "postgres", "");
             Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from account where status = 'SUSPENDED'")) {
            rs.next();
            assertThat(rs.getInt(1)).isOne();
        }
        // nothing went to an embedded database
        assertThat(work.resolve("data").resolve("db")).doesNotExist();
    }
}
