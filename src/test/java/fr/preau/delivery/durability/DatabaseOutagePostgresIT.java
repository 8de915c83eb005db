package fr.preau.delivery.durability;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.internal.outbound.SmtpSink;
import fr.preau.delivery.internal.smtp.ScriptedClient;
import fr.preau.testsupport.PostgresServer;
import fr.preau.testsupport.PostgresTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database going away under a running server gives temporary failures, never a
 * {@code 250}, and the server recovers by itself once it is back. The server (the packaged
 * jar, its own process) runs on a fresh PostgreSQL database; the test makes that database
 * unreachable through the maintenance connection — {@code ALTER DATABASE ... ALLOW_CONNECTIONS
 * false} (which holds for superusers too, unlike a connection limit) and
 * {@code pg_terminate_backend} of every session on it — while an MX session and a submission
 * session are inside DATA, then allows connections again.
 *
 * <p>The server's pool waits 3 s instead of the default 30 s for a connection
 * ({@code SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT}), so that the replies come within the
 * test client's 10 s; what is checked (a 4xx, then recovery) does not depend on that value.
 */
@PostgresTest
class DatabaseOutagePostgresIT {

    static final String CAMILLE = "camille.martin@ac-dijon.fr";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void anUnreachableDatabaseGivesTemporaryFailuresAndTheServerRecovers() throws Exception {
        PreauServer.assumePackaged();
        String database = PostgresServer.createDatabase();
        Path data = work.resolve("data");
        try (SmtpSink sink = SmtpSink.start()) {
            Map<String, String> env = new HashMap<>(PreauServer.onPostgres(PreauServer.environment(data, sink.port()),
                    PostgresServer.url(database), PostgresServer.user(), PostgresServer.password()));
            env.put("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "3000");
            PreauServer server = PreauServer.start(env, PreauServer.logFile(getClass(), "server"));
            try {
                Smtp.Mail before = Smtp.mail("before-outage", "Parent <parent@example.org>", List.of(CAMILLE), 3_000);
                try (ScriptedClient mx = Smtp.mx(server.mxPort())) {
                    assertThat(Smtp.send(mx, "parent@example.org", before).accepted()).as("before the outage").isTrue();
                }

                Smtp.Mail inMx = Smtp.mail("mx-during-outage", "Parent <parent@example.org>", List.of(CAMILLE), 3_000);
                Smtp.Mail inSubmission = Smtp.mail("submission-during-outage", "thomas.bernard@ac-dijon.fr",
                        List.of("collegue@universite.example"), 3_000);
                Smtp.Mail newSession = Smtp.mail("new-session-during-outage", "Parent <parent@example.org>",
                        List.of(CAMILLE), 3_000);
                try (ScriptedClient mx = Smtp.mx(server.mxPort());
                     ScriptedClient submission = Smtp.submission(server.submissionPort(), "tbernard")) {
                    inData(mx, "parent@example.org", inMx);
                    inData(submission, "thomas.bernard@ac-dijon.fr", inSubmission);

                    cutOff(database);
                    try {
                        assertTemporaryFailure(Smtp.endData(mx, inMx), "MX DATA with the database unreachable");
                        assertTemporaryFailure(Smtp.endData(submission, inSubmission),
                                "submission DATA with the database unreachable");
                        try (ScriptedClient another = Smtp.mx(server.mxPort())) {
                            assertTemporaryFailure(Smtp.send(another, "parent@example.org", newSession),
                                    "a new MX transaction with the database unreachable");
                        }
                        // not healthy (500 rather than 503 today: a request-processing step needs the database)
                        assertThat(server.health()).as("health with the database unreachable").isNotEqualTo(200);
                    } finally {
                        allowConnections(database);
                    }

                    // once the server says it is healthy again, the next messages are taken and stored
                    Waits.until("the server's health to come back", TIMEOUT, () -> server.health() == 200, server::log);
                    Smtp.Mail afterMx = Smtp.mail("mx-after-outage", "Parent <parent@example.org>", List.of(CAMILLE), 3_000);
                    assertThat(Smtp.send(mx, "parent@example.org", afterMx).accepted())
                            .as("MX, same session, after the outage").isTrue();
                    Smtp.Mail afterSubmission = Smtp.mail("submission-after-outage", "thomas.bernard@ac-dijon.fr",
                            List.of("collegue@universite.example"), 3_000);
                    assertThat(Smtp.send(submission, "thomas.bernard@ac-dijon.fr", afterSubmission).accepted())
                            .as("submission, same session, after the outage").isTrue();

                    Waits.until("the message submitted after the outage at the smarthost", TIMEOUT,
                            () -> atSmarthost(sink, afterSubmission) == 1, server::log);
                    try (MailStore store = MailStore.postgres(PostgresServer.url(database), PostgresServer.user(),
                            PostgresServer.password(), data)) {
                        List<String> stored = store.messages().stream().map(MailStore.StoredMessage::messageId).toList();
                        assertThat(stored).containsOnlyOnce(before.messageId(), afterMx.messageId())
                                .doesNotContain(inMx.messageId(), newSession.messageId());
                        assertThat(store.queue()).as("queued: only what was submitted after the outage")
                                .singleElement().satisfies(q -> assertThat(q.status()).isEqualTo("delivered"));
                        for (MailStore.StoredMessage row : store.messages()) {
                            assertThat(store.blobProblem(row.blobHash(), row.size())).as("blob of row %d", row.id()).isNull();
                        }
                    }
                    assertThat(atSmarthost(sink, inSubmission)).as("refused during the outage: never sent").isZero();
                }
            } finally {
                server.stop();
            }
        } finally {
            allowConnections(database);
            PostgresServer.drop(database);
        }
    }

    /** MAIL, RCPT and DATA accepted: the session waits for the message. */
    private static void inData(ScriptedClient client, String from, Smtp.Mail mail) throws Exception {
        client.expect("MAIL FROM:<" + from + ">", 250);
        for (String rcpt : mail.to()) {
            client.expect("RCPT TO:<" + rcpt + ">", 250);
        }
        client.expect("DATA", 354);
    }

    private static void assertTemporaryFailure(Smtp.Outcome outcome, String what) {
        assertThat(outcome.code()).as("%s: %s", what, outcome).isBetween(400, 499);
    }

    private static long atSmarthost(SmtpSink sink, Smtp.Mail mail) {
        return sink.transactions().stream().filter(t -> mail.messageId().equals(Smtp.messageId(t.data()))).count();
    }

    /** No new session on the database, and every open one ended (the server's pool, its LISTEN connection). */
    private static void cutOff(String database) throws SQLException {
        admin("alter database " + database + " allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
    }

    private static void allowConnections(String database) throws SQLException {
        admin("alter database " + database + " allow_connections true");
    }

    private static void admin(String... statements) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", PostgresServer.user());
        properties.setProperty("password", PostgresServer.password());
        try (Connection connection = DriverManager.getConnection(PostgresServer.url("postgres"), properties);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
