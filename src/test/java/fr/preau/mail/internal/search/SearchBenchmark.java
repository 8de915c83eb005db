package fr.preau.mail.internal.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Measures the index on synthetic mail (not a test, never run by the build): indexes N
 * messages (default 100,000) of one account, then times typical searches over the inbox and
 * prints the figures and the size on disk.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     fr.preau.mail.internal.search.SearchBenchmark [messages] [directory]
 * </pre>
 */
public final class SearchBenchmark {

    static final long ACCOUNT = 1;
    static final long INBOX = 10;
    static final Instant NEWEST = Instant.parse("2026-11-30T18:00:00Z");
    static final Duration SPAN = Duration.ofDays(3 * 365);

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path path = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("preau-search-bench");
        System.out.printf(Locale.ROOT, "%d messages, index in %s, %d cores, Java %s%n", count, path,
                Runtime.getRuntime().availableProcessors(), Runtime.version());

        try (MailSearchIndex index = MailSearchIndex.open(path)) {
            if (index.size() < count) {
                build(index, count);
            }
            long bytes = sizeOnDisk(path);
            System.out.printf(Locale.ROOT, "index: %d documents, %.1f MB on disk, %.0f bytes per message%n",
                    index.size(), bytes / 1e6, (double) bytes / index.size());

            SyntheticMail vocabulary = new SyntheticMail(42);
            // French content words by rank: frequent to rare
            String[] oneWord = {"réunion", "conseil", "élèves", "budget", "projet", "rectorat", "meeting", "students",
                    "inscription", "piscine", "convention", "baccalauréat", "livraison", "toussaint", "chœur",
                    vocabulary.frenchWord(2_000), vocabulary.frenchWord(20_000), vocabulary.frenchWord(100_000)};
            String[][] twoWords = {{"réunion", "conseil"}, {"élèves", "absences"}, {"projet", "budget"},
                    {"meeting", "agenda"}, {"parents", "bulletins"}, {"stage", "convention"}, {"cours", "salle"}};

            IntFunction<Criteria> single = i -> Criteria.builder().text(oneWord[i % oneWord.length]).folder(INBOX).build();
            IntFunction<Criteria> combined = i -> {
                String[] words = twoWords[i % twoWords.length];
                return Criteria.builder().text(words[0] + " " + words[1]).folder(INBOX)
                        .since(LocalDate.of(2025, 12, 1)).until(LocalDate.of(2026, 11, 30)).seen(false).build();
            };
            IntFunction<Criteria> prefix = i -> Criteria.builder()
                    .text(oneWord[i % oneWord.length].substring(0, 3)).prefix(true).folder(INBOX).build();
            IntFunction<Criteria> prefix2 = i -> Criteria.builder()
                    .text(oneWord[i % oneWord.length].substring(0, 2)).prefix(true).folder(INBOX).build();
            IntFunction<Criteria> listing = i -> Criteria.builder().folder(INBOX).build();
            IntFunction<Criteria> unread = i -> Criteria.builder().folder(INBOX).seen(false).build();
            IntFunction<Criteria> sender = i -> Criteria.builder().from("dupont").build();

            // warm up the JIT
            for (IntFunction<Criteria> c : List.of(single, combined, prefix, prefix2, listing, unread, sender)) {
                time(index, c, Sort.NEWEST_FIRST, 300, false);
            }
            time(index, single, Sort.BEST_FIRST, 100, false);

            System.out.println("query (first page of 50, inbox)                         median    p95    max   avg hits");
            time("one word, by date", index, single, Sort.NEWEST_FIRST);
            time("one word, by relevance", index, single, Sort.BEST_FIRST);
            time("two words + one-year range + unread, by date", index, combined, Sort.NEWEST_FIRST);
            time("quick search, 3-letter prefix, by date", index, prefix, Sort.NEWEST_FIRST);
            time("quick search, 2-letter prefix, by date", index, prefix2, Sort.NEWEST_FIRST);
            time("folder listing, by date", index, listing, Sort.NEWEST_FIRST);
            time("unread in folder, by date", index, unread, Sort.NEWEST_FIRST);
            time("from:dupont (whole account), by date", index, sender, Sort.NEWEST_FIRST);
            time("one word, by subject", index, single, Sort.ascending(Sort.Key.SUBJECT));
            delivery(index, vocabulary, count);
        }
    }

    private static void build(MailSearchIndex index, int count) throws Exception {
        long start = System.nanoTime();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int part = t;
            parts.add(pool.submit(() -> {
                SyntheticMail mail = new SyntheticMail(1000 + part);
                for (long id = part + 1; id <= count; id += threads) {
                    long folder = id % 5 == 0 ? 20 + id % 7 : INBOX;
                    index.index(mail.message(id, ACCOUNT, folder, NEWEST, SPAN));
                }
                return null;
            }));
        }
        for (Future<?> part : parts) {
            part.get();
        }
        pool.shutdown();
        index.commit();
        index.refresh();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "indexed %d messages in %.1f s (%.0f messages/s, %d threads, text generation included)%n",
                count, seconds, count / seconds, threads);
    }

    /** A delivery: one message indexed then refreshed (searchable), and a commit, on the full index. */
    private static void delivery(MailSearchIndex index, SyntheticMail mail, int count) {
        int runs = 100;
        double[] refresh = new double[runs];
        double[] commit = new double[runs / 10];
        for (int i = 0; i < runs; i++) {
            IndexedMessage message = mail.message(count + 1_000 + i, ACCOUNT, INBOX, NEWEST, SPAN);
            long start = System.nanoTime();
            index.index(message);
            index.refresh();
            refresh[i] = (System.nanoTime() - start) / 1e6;
            if (i % 10 == 9) {
                start = System.nanoTime();
                index.commit();
                commit[i / 10] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(refresh);
        Arrays.sort(commit);
        System.out.printf(Locale.ROOT, "%-55s %6.1f %6.1f %6.1f ms%n", "one delivery: index + refresh (searchable)",
                refresh[runs / 2], refresh[(int) (runs * 0.95)], refresh[runs - 1]);
        System.out.printf(Locale.ROOT, "%-55s %6.1f %6.1f %6.1f ms%n", "commit (fsync) after 10 deliveries",
                commit[commit.length / 2], commit[(int) (commit.length * 0.95)], commit[commit.length - 1]);
    }

    private static void time(String label, MailSearchIndex index, IntFunction<Criteria> criteria, Sort sort) {
        double[] result = time(index, criteria, sort, 200, true);
        System.out.printf(Locale.ROOT, "%-55s %6.1f %6.1f %6.1f ms %8.0f%n", label, result[0], result[1], result[2], result[3]);
    }

    /** Median, 95th percentile and maximum milliseconds, and average total hits. */
    private static double[] time(MailSearchIndex index, IntFunction<Criteria> criteria, Sort sort, int runs, boolean keep) {
        double[] millis = new double[runs];
        long hits = 0;
        for (int i = 0; i < runs; i++) {
            Criteria c = criteria.apply(i);
            long start = System.nanoTime();
            Hits page = index.search(ACCOUNT, c, sort, 0, 50);
            millis[i] = (System.nanoTime() - start) / 1e6;
            hits += page.total();
        }
        Arrays.sort(millis);
        return new double[]{millis[runs / 2], millis[(int) (runs * 0.95)], millis[runs - 1], (double) hits / runs};
    }

    private static long sizeOnDisk(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private SearchBenchmark() {}

}
