import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Login throughput and latency against a running Préau: each client opens the login page
 * (session + CSRF token, as a browser does) and posts the form with a valid password, again
 * and again, for the given time. Reports logins per second and the latency of the POST.
 *
 * <pre>java LoginBench.java http://localhost:8080 cmartin 'Marelle-Cerf-Volant-84!' 20 1,2,4,8,16</pre>
 */
public class LoginBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("^(PREAU_SESSION=[^;]+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String login = args[1];
        String password = args[2];
        int seconds = Integer.parseInt(args[3]);
        String[] levels = args.length > 4 ? args[4].split(",") : new String[] {"1", "2", "4", "8", "16"};
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // warm-up: JIT and pools
        run(client, base, login, password, 2, 5);
        System.out.printf("%-8s %10s %10s %10s %10s %10s%n", "clients", "logins/s", "p50 ms", "p95 ms", "p99 ms", "errors");
        for (String level : levels) {
            Result r = run(client, base, login, password, Integer.parseInt(level), seconds);
            System.out.printf("%-8s %10.1f %10.1f %10.1f %10.1f %10d%n", level, r.perSecond(), r.percentile(50),
                    r.percentile(95), r.percentile(99), r.errors());
        }
    }

    record Result(List<Long> latencies, int errors, double seconds) {
        double perSecond() {
            return latencies.size() / seconds;
        }

        double percentile(int p) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
        }
    }

    static Result run(HttpClient client, String base, String login, String password, int clients, int seconds)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                                    .header("Accept-Language", "fr").build(), HttpResponse.BodyHandlers.ofString());
                            Matcher token = CSRF.matcher(page.body());
                            Matcher cookie = COOKIE.matcher(page.headers().firstValue("Set-Cookie").orElse(""));
                            if (!token.find() || !cookie.find()) {
                                errors.incrementAndGet();
                                continue;
                            }
                            String form = "_csrf=" + enc(token.group(1)) + "&identifier=" + enc(login)
                                    + "&password=" + enc(password) + "&interface=FULL";
                            long t0 = System.nanoTime();
                            HttpResponse<Void> post = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Cookie", cookie.group(1))
                                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            long elapsed = System.nanoTime() - t0;
                            if (post.statusCode() == 302 && post.headers().firstValue("Location").orElse("").endsWith("/app")) {
                                latencies.add(elapsed);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        return new Result(new ArrayList<>(latencies), errors.get(), (System.nanoTime() - start) / 1e9);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
