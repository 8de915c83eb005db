import fr.preau.PreauApplication;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.identity.NewAccount;
import fr.preau.mail.DeliveryOutcome;
import fr.preau.mail.FolderRole;
import fr.preau.mail.ListOrder;
import fr.preau.mail.LocalRecipient;
import fr.preau.mail.MailDelivery;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MailSearch;
import fr.preau.mail.SearchQuery;
import fr.preau.platform.BlobStore;
import fr.preau.tenancy.AcademyDraft;
import fr.preau.tenancy.HelpDesk;
import fr.preau.tenancy.Tenancy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The mail store under a big folder: fills one INBOX with N messages through the delivery API
 * (blob fsynced, row committed, made searchable, as SMTP does), waits until the search index
 * has committed its whole backlog, then times what a user waits for: the first page of 50 by
 * date, other sorts, a deep page, searches through {@code MailSearch}; and the bytes stored
 * per message.
 *
 * <pre>bench/store/run.sh 100000   (BENCH_POSTGRES=1 for PostgreSQL)</pre>
 */
public class StoreBench {

    static final String[] WORDS = ("réunion conseil classe élèves parents emploi temps rentrée inspection académie "
            + "rectorat formation stage examen baccalauréat brevet sortie pédagogique budget projet établissement "
            + "proviseur principal collège lycée semaine lundi mardi jeudi vendredi salle cantine bulletin notes "
            + "meeting schedule report timetable exam students homework trip council agenda minutes").split(" ");

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        boolean postgres = args.length > 1 && "postgres".equals(args[1]);
        Path data = Files.createTempDirectory("preau-store-bench");
        String database = "preau_bench_store_" + ProcessHandle.current().pid();
        List<String> properties = new ArrayList<>(List.of("--preau.data-dir=" + data, "--server.port=0",
                "--preau.captcha.enabled=false", "--logging.level.root=WARN", "--logging.level.fr.preau=WARN",
                "--preau.smtp.enabled=false"));
        if (postgres) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
                c.createStatement().execute("create database " + database);
            }
            properties.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database);
            properties.add("--spring.datasource.username=postgres");
        }
        System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(PreauApplication.class)
                .run(properties.toArray(String[]::new));
        try {
            run(app, count, postgres, data, database);
        } finally {
            app.close();
            if (postgres) {
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
                    c.createStatement().execute("drop database if exists " + database + " with (force)");
                }
            }
        }
    }

    static void run(ConfigurableApplicationContext app, int count, boolean postgres, Path data, String database) throws Exception {
        Tenancy tenancy = app.getBean(Tenancy.class);
        tenancy.createAcademy("bench", new AcademyDraft("dijon", "Académie de Dijon", "ac-dijon.fr", "07",
                new HelpDesk("03 80 44 84 00", "Mo-Fr 08:00-17:00", null)));
        tenancy.createDepartment("bench", "dijon", "21", "Côte-d'Or", new HelpDesk("03 80 00 00 00", "Mo-Fr 08:00-17:00", null));
        tenancy.createEstablishment("bench", "21", "0210015C", "Lycée Carnot", "Dijon");
        Accounts accounts = app.getBean(Accounts.class);
        Account agent = accounts.create("bench", new NewAccount("Martin", "Camille", "07E9400001ABC", "enseignant",
                "0210015C", null, null)).account();
        app.getBean(fr.preau.mail.MailQuotas.class).setAccountQuota("bench", agent.id(), 1_000_000);
        MailDelivery delivery = app.getBean(MailDelivery.class);
        MailMessages messages = app.getBean(MailMessages.class);
        long inbox = app.getBean(MailFolders.class).byRole(agent.id(), FolderRole.INBOX).id();

        System.out.printf("Filling INBOX with %,d messages (%s)...%n", count, postgres ? "PostgreSQL" : "H2");
        AtomicInteger next = new AtomicInteger();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long fillStart = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                Random random = new Random();
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    byte[] raw = message(i, random);
                    BlobStore.Blob blob = delivery.store(new ByteArrayInputStream(raw));
                    List<DeliveryOutcome> out = delivery.deliver(blob, List.of(new LocalRecipient(agent.id(), FolderRole.INBOX)),
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
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        System.out.printf("Filled in %.0f s: %.0f deliveries/s with %d threads (each: blob fsynced, row committed, "
                + "indexed and searchable before deliver returns)%n", fillSeconds, count / fillSeconds, threads);

        var jdbc = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        long waitStart = System.nanoTime();
        while (jdbc.sql("select count(*) from search_backlog").query(Long.class).single() > 0) {
            Thread.sleep(100);
        }
        double waitSeconds = (System.nanoTime() - waitStart) / 1e9;
        System.out.printf("Search index caught up %.1f s after the fill (backlog empty: applied and committed); "
                + "indexing in all %.0f s, %.0f messages/s%n", waitSeconds, fillSeconds + waitSeconds,
                count / (fillSeconds + waitSeconds));
        if (postgres) {
            // what autovacuum does after a bulk load (it is off on the reference machine's cluster):
            // without statistics the planner believes the folder holds a few rows and sorts them all
            boolean autovacuum = "on".equals(jdbc.sql("show autovacuum").query(String.class).single());
            long t0 = System.nanoTime();
            jdbc.sql("analyze").update();
            System.out.printf("ANALYZE after the fill (autovacuum is %s here): %.1f s%n", autovacuum ? "on" : "off",
                    (System.nanoTime() - t0) / 1e9);
        }

        measure("first page of 50, by date, newest first", () -> messages.list(agent.id(), inbox, ListOrder.newestFirst(), 0, 50));
        measure("first page of 50, by subject", () -> messages.list(agent.id(), inbox, new ListOrder(ListOrder.Field.SUBJECT, false), 0, 50));
        measure("first page of 50, by sender", () -> messages.list(agent.id(), inbox, new ListOrder(ListOrder.Field.FROM, false), 0, 50));
        measure("first page of 50, by size, largest first", () -> messages.list(agent.id(), inbox, new ListOrder(ListOrder.Field.SIZE, true), 0, 50));
        measure("page 100 of 50 (offset 4,950), by date", () -> messages.list(agent.id(), inbox, ListOrder.newestFirst(), 4950, 50));

        MailSearch search = app.getBean(MailSearch.class);
        SearchQuery oneWord = SearchQuery.builder().text("réunion").folder(inbox).build();
        SearchQuery twoWordsUnreadInAYear = SearchQuery.builder().text("conseil classe").folder(inbox)
                .since(LocalDate.of(2020, 1, 1)).until(LocalDate.of(2020, 12, 31)).seen(false).build();
        SearchQuery quick = SearchQuery.builder().text("pa").prefix(true).folder(inbox).build();
        System.out.printf("Search hits: one word %,d, two words + a year + unread %,d, quick \"pa\" %,d%n",
                search.search(agent.id(), oneWord, ListOrder.newestFirst(), 0, 1).total(),
                search.search(agent.id(), twoWordsUnreadInAYear, ListOrder.newestFirst(), 0, 1).total(),
                search.search(agent.id(), quick, ListOrder.newestFirst(), 0, 1).total());
        measure("search one word, first 50 by date", () -> search.search(agent.id(), oneWord, ListOrder.newestFirst(), 0, 50));
        measure("search 2 words + year + unread, first 50", () -> search.search(agent.id(), twoWordsUnreadInAYear,
                ListOrder.newestFirst(), 0, 50));
        measure("quick search \"pa\" (prefix), first 50", () -> search.search(agent.id(), quick, ListOrder.newestFirst(), 0, 50));
        measure("search one word, first 50 by relevance", () -> search.searchBestFirst(agent.id(), oneWord, 0, 50));

        long blobBytes;
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            blobBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        long rawBytes = messages.list(agent.id(), inbox, ListOrder.newestFirst(), 0, 1).total() == count
                ? app.getBean(MailFolders.class).get(agent.id(), inbox).size() : -1;
        long dbBytes;
        if (postgres) {
            dbBytes = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select pg_database_size(?)").param(database).query(Long.class).single();
        } else {
            try (Stream<Path> files = Files.walk(data.resolve("db"))) {
                dbBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
        }
        long indexBytes;
        try (Stream<Path> files = Files.walk(data.resolve("index"))) {
            indexBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("Bytes per message: raw %.0f, blob files %.0f, database %.0f (whole database / messages), "
                + "search index %.0f%n", rawBytes / (double) count, blobBytes / (double) count, dbBytes / (double) count,
                indexBytes / (double) count);
        System.out.printf("Machine: %d cores, %s; %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
    }

    static void measure(String what, Supplier<?> action) {
        for (int i = 0; i < 100; i++) {
            action.get();
        }
        int n = 300;
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            action.get();
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "%-48s p50 %6.2f ms   p95 %6.2f ms   max %6.2f ms%n", what,
                times[n / 2] / 1e6, times[(int) (n * 0.95)] / 1e6, times[n - 1] / 1e6);
    }

    static byte[] message(int i, Random random) {
        StringBuilder body = new StringBuilder();
        int words = 150 + random.nextInt(400);
        for (int w = 0; w < words; w++) {
            body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? "\r\n" : " ");
        }
        String from = "agent" + random.nextInt(500) + "@ac-dijon.fr";
        String subject = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " n°" + i;
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i * 900L).atOffset(ZoneOffset.ofHours(1)));
        return ("From: Agent " + from.substring(5, from.indexOf('@')) + " <" + from + ">\r\n"
                + "To: Camille Martin <camille.martin@ac-dijon.fr>\r\n"
                + "Subject: " + subject + "\r\nDate: " + date + "\r\nMessage-ID: <bench-" + i + "@ac-dijon.fr>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
