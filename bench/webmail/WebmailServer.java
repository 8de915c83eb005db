import fr.preau.PreauApplication;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.mail.DeliveryOutcome;
import fr.preau.mail.FolderRole;
import fr.preau.mail.ListOrder;
import fr.preau.mail.LocalRecipient;
import fr.preau.mail.MailDelivery;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MailQuotas;
import fr.preau.platform.BlobStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The server side of the web mail benchmark: starts Préau in-process with the demo data (the
 * {@code demo} profile, on the given data directory and port, embedded H2 or a fresh
 * PostgreSQL database), with Tomcat's access log on (microseconds per request), fills the
 * demo agent cmartin's INBOX with N messages through {@code MailDelivery} (2,000 distinct
 * messages, each stored once and delivered N / 2,000 times: row committed, indexed, as SMTP does), waits for the search index, then writes
 * {@code bench.env} (the INBOX id and three message ids) and serves until killed.
 *
 * <pre>java -cp target/classes:... bench/webmail/WebmailServer.java DATA PORT COUNT [postgres]</pre>
 */
public class WebmailServer {

    static final String[] WORDS = ("réunion conseil classe élèves parents emploi temps rentrée inspection académie "
            + "rectorat formation stage examen baccalauréat brevet sortie pédagogique budget projet établissement "
            + "proviseur principal collège lycée semaine lundi mardi jeudi vendredi salle cantine bulletin notes "
            + "meeting schedule report timetable exam students homework trip council agenda minutes").split(" ");
    /** In one message of 1,000: the rare word of the search benchmark. */
    static final String RARE = "zéphyrin";

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        boolean postgres = args.length > 3 && "postgres".equals(args[3]);
        String database = "preau_bench_webmail_" + ProcessHandle.current().pid();
        List<String> properties = new ArrayList<>(List.of("--preau.data-dir=" + data, "--server.port=" + port,
                "--preau.captcha.enabled=false", "--preau.smtp.enabled=false",
                "--preau.login.per-ip-per-minute=1000000",
                "--logging.level.root=WARN", "--logging.level.fr.preau=WARN",
                "--server.tomcat.accesslog.enabled=true", "--server.tomcat.accesslog.directory=" + data.toAbsolutePath(),
                "--server.tomcat.accesslog.prefix=access", "--server.tomcat.accesslog.suffix=.log",
                "--server.tomcat.accesslog.file-date-format=", "--server.tomcat.accesslog.buffered=false",
                // request line, status, bytes of the body, microseconds from request to response done
                "--server.tomcat.accesslog.pattern=%r %s %b %D"));
        if (postgres) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
                c.createStatement().execute("create database " + database);
            }
            properties.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database);
            properties.add("--spring.datasource.username=postgres");
        }
        System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(PreauApplication.class)
                .profiles("demo").run(properties.toArray(String[]::new));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            if (postgres) {
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
                    c.createStatement().execute("drop database if exists " + database + " with (force)");
                } catch (Exception e) {
                    System.err.println("could not drop " + database + ": " + e);
                }
            }
        }));
        fill(app, data, count, postgres);
        Thread.currentThread().join();
    }

    static void fill(ConfigurableApplicationContext app, Path data, int count, boolean postgres) throws Exception {
        Account agent = app.getBean(Accounts.class).byLogin("cmartin").orElseThrow();
        app.getBean(MailQuotas.class).setAccountQuota("bench", agent.id(), 1_000_000);
        MailDelivery delivery = app.getBean(MailDelivery.class);
        long inbox = app.getBean(MailFolders.class).byRole(agent.id(), FolderRole.INBOX).id();
        System.out.printf("Filling cmartin's INBOX with %,d messages (%s)...%n", count, postgres ? "PostgreSQL" : "H2");
        // distinct messages, each stored once (blob fsynced) and delivered count / distinct times: the
        // fill costs deliveries (parse, row, index), not mostly fsyncs of blobs on a shared disk
        int distinct = Math.min(count, 2000);
        BlobStore.Blob[] blobs = new BlobStore.Blob[distinct];
        Random seeded = new Random(42);
        for (int j = 0; j < distinct; j++) {
            blobs[j] = delivery.store(new ByteArrayInputStream(message(j, seeded)));
        }
        AtomicInteger next = new AtomicInteger();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    // dated in the past, so the demo's own messages stay on top of the first page
                    List<DeliveryOutcome> out = delivery.deliver(blobs[i % distinct],
                            List.of(new LocalRecipient(agent.id(), FolderRole.INBOX)),
                            Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i * 900L));
                    if (!(out.get(0) instanceof DeliveryOutcome.Delivered)) {
                        throw new IllegalStateException("not delivered: " + out);
                    }
                    if (i % 10000 == 0) {
                        System.out.printf("  %,d%n", i);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Filled in %.0f s (%.0f deliveries/s)%n", seconds, count / seconds);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        while (jdbc.sql("select count(*) from search_backlog").query(Long.class).single() > 0) {
            Thread.sleep(100);
        }
        System.out.printf("Search index caught up after %.0f s%n", (System.nanoTime() - start) / 1e9);
        if (postgres) {
            // what autovacuum does after a bulk load (it is off on the reference machine's cluster)
            jdbc.sql("analyze").update();
        }
        // three messages of the fill to open: plain text, HTML, with an attachment (see message())
        MailMessages messages = app.getBean(MailMessages.class);
        long plain = pick(jdbc, inbox, "plain"), html = pick(jdbc, inbox, "html"), attached = pick(jdbc, inbox, "attached");
        System.out.printf("INBOX holds %,d messages%n", messages.list(agent.id(), inbox, ListOrder.newestFirst(), 0, 1).total());
        Files.writeString(data.resolve("bench.env"), "INBOX=" + inbox + "\nPLAIN=" + plain + "\nHTML=" + html
                + "\nATTACHED=" + attached + "\nRARE=" + RARE + "\nDEEP=" + Math.max(1, Math.min(1000, count / 100)) + "\n");
        System.out.println("WEBMAIL BENCH READY");
    }

    static long pick(JdbcClient jdbc, long inbox, String kind) {
        return jdbc.sql("select max(id) from message where mailbox_id = ? and subject like ?")
                .params(inbox, "[" + kind + "]%").query(Long.class).single();
    }

    /**
     * About 3 KB: 8 in 10 plain text, 1 in 10 HTML with a text alternative, 1 in 10 with a
     * 1.5 KB PDF attachment; one in 1,000 holds the rare word (2 of the 2,000
     * distinct ones, so 100 messages of 100,000).
     */
    static byte[] message(int i, Random random) {
        StringBuilder body = new StringBuilder();
        int words = 150 + random.nextInt(300);
        for (int w = 0; w < words; w++) {
            body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? "\r\n" : " ");
        }
        if (i % 1000 == 500) {
            body.append(RARE).append("\r\n");
        }
        String kind = i % 10 == 3 ? "html" : i % 10 == 7 ? "attached" : "plain";
        String from = "agent" + random.nextInt(500) + "@ac-dijon.fr";
        String subject = "[" + kind + "] " + WORDS[random.nextInt(WORDS.length)] + " "
                + WORDS[random.nextInt(WORDS.length)] + " n°" + i;
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i * 900L).atOffset(ZoneOffset.ofHours(1)));
        String head = "From: Agent " + from.substring(5, from.indexOf('@')) + " <" + from + ">\r\n"
                + "To: Camille Martin <camille.martin@ac-dijon.fr>\r\n"
                + "Subject: " + subject + "\r\nDate: " + date + "\r\nMessage-ID: <bench-" + i + "@ac-dijon.fr>\r\n"
                + "MIME-Version: 1.0\r\n";
        String text = "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n";
        String mime = switch (kind) {
            case "html" -> "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n--b1\r\n" + text
                    + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                    + "<html><body><p style=\"color:#333\">Bonjour,</p><p>"
                    + body.toString().replace("\r\n", "</p>\r\n<p>") + "</p><p><b>Cordialement</b></p></body></html>\r\n--b1--\r\n";
            case "attached" -> {
                byte[] pdf = new byte[1100];
                random.nextBytes(pdf);
                yield "Content-Type: multipart/mixed; boundary=\"b2\"\r\n\r\n--b2\r\n" + text
                        + "--b2\r\nContent-Type: application/pdf; name=\"compte-rendu-" + i + ".pdf\"\r\n"
                        + "Content-Disposition: attachment; filename=\"compte-rendu-" + i + ".pdf\"\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(pdf)
                        + "\r\n--b2--\r\n";
            }
            default -> text;
        };
        return (head + mime).getBytes(StandardCharsets.UTF_8);
    }
}
