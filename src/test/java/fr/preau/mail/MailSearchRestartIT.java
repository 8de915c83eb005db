package fr.preau.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import fr.preau.mail.internal.search.Criteria;
import fr.preau.mail.internal.search.MailSearchIndex;
import fr.preau.mail.internal.search.Sort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server dies (no shutdown at all) after a delivery was searchable but before the index
 * committed it: the index on disk lacks the message, the store's backlog still has its row,
 * and the next start applies it — the message is found again, and the row goes once committed.
 */
class MailSearchRestartIT {

    private static final Pattern PRINTED = Pattern.compile(
            "ACCOUNT (\\d+) COMMITTED (\\d+) UNCOMMITTED (\\d+) SEARCHABLE \\[(\\d+), (\\d+)]");

    @TempDir
    Path data;

    @Test
    void theBacklogLeftByACrashIsAppliedAtTheNextStart() throws Exception {
        Path output = data.resolveSibling(data.getFileName() + "-child.log");
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SearchCrashingServer.class.getName(), data.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("the child server did not finish: " + Files.readString(output));
        }
        String printed = Files.readString(output);
        Files.deleteIfExists(output);
        assertThat(child.exitValue()).as(printed).isEqualTo(SearchCrashingServer.EXIT_CODE);
        Matcher m = PRINTED.matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        long account = Long.parseLong(m.group(1));
        long committed = Long.parseLong(m.group(2));
        long uncommitted = Long.parseLong(m.group(3));
        assertThat(List.of(Long.parseLong(m.group(4)), Long.parseLong(m.group(5))))
                .as("both were searchable before the crash").containsExactly(uncommitted, committed);

        // what the crash left behind: the uncommitted message's row, an index without it
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/preau")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "preau", "")) {
            List<String> rows = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("select message_id, op from search_backlog order by id")) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + " " + rs.getString(2));
                }
            }
            assertThat(rows).containsExactly(uncommitted + " INDEX");
        }
        try (MailSearchIndex index = MailSearchIndex.open(data.resolve("index/mail"))) {
            assertThat(index.needsRebuild()).isFalse();
            assertThat(index.search(account, Criteria.text("livraison"), Sort.NEWEST_FIRST, 0, 10).messageIds())
                    .containsExactly(committed);
        }

        try (ConfigurableApplicationContext app = SearchServers.start(data, "--preau.mail.search.commit-interval=200ms")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<Long> found = SearchServers.found(app, account, "arret livraison");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            int backlog = jdbc.sql("select count(*) from search_backlog").query(Integer.class).single();
            while ((found.size() < 2 || backlog > 0) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                found = SearchServers.found(app, account, "arret livraison");
                backlog = jdbc.sql("select count(*) from search_backlog").query(Integer.class).single();
            }
            assertThat(found).containsExactly(uncommitted, committed);
            assertThat(backlog).as("applied and committed").isZero();
        }
    }
}
