import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The client side of the web mail benchmark, against a running Préau filled by
 * {@code WebmailServer}: logs in as a browser does (session cookie and CSRF token from the
 * login page) in each interface, then for the inbox page (first and a deep page), opening
 * three kinds of message, and two searches: N sequential requests after a warm-up, the time
 * seen by the client and the server's own (Tomcat's access log, microseconds), and the
 * weight of the HTML (plain and gzip). Then {@code wrk} on the inbox page of each interface,
 * 20 connections over 20 logged-in sessions. Pages of an interface that does not answer 200
 * are skipped, and said so.
 *
 * <pre>java bench/webmail/WebmailBench.java http://localhost:18082 DATA_DIR [N] [wrk seconds]</pre>
 */
public class WebmailBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("(PREAU_SESSION=[^;]+)");
    static final String LOGIN = "cmartin", PASSWORD = "Marelle-Cerf-Volant-84!";

    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Row(String iface, String what, String url, double clientP50, double clientP95, double serverP50,
               double serverP95, long bytes, long gzipBytes) {}

    record Load(String iface, String url, String output, double perSecond, double p50, double p95, double p99,
                long errors, double serverP50, double serverP95) {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path data = Path.of(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int wrkSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(data.resolve("bench.env"))) {
            env.load(in);
        }
        String inbox = env.getProperty("INBOX");
        String rare = env.getProperty("RARE");
        List<Row> rows = new ArrayList<>();
        List<Load> loads = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String iface : List.of("SIMPLIFIED", "FULL")) {
            String p = iface.equals("FULL") ? "/app/mail" : "/simple/mail";
            String cookie = login(base, iface);
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("inbox, first page", p + "/folder/" + inbox);
            int deep = Integer.parseInt(env.getProperty("DEEP", "1000"));
            pages.put(String.format(Locale.ROOT, "inbox, page %d (offset %,d)", deep, (deep - 1) * 50),
                    p + "/folder/" + inbox + "?page=" + deep);
            pages.put("open a plain-text message", p + "/message/" + env.getProperty("PLAIN"));
            pages.put("open an HTML message", p + "/message/" + env.getProperty("HTML"));
            pages.put("open a message with an attachment", p + "/message/" + env.getProperty("ATTACHED"));
            if (iface.equals("SIMPLIFIED")) {
                pages.put("HTML body (the iframe, both interfaces)", "/mail/message/" + env.getProperty("HTML") + "/body");
            }
            pages.put("search a common word (réunion)", p + "/search?q=" + enc("réunion"));
            pages.put("search a rare word (" + rare + ", 1 message in 1,000)", p + "/search?q=" + enc(rare));
            for (var page : pages.entrySet()) {
                int status = get(base + page.getValue(), cookie, false).statusCode();
                if (status != 200) {
                    skipped.add(iface + " " + page.getValue() + " (HTTP " + status + ")");
                    continue;
                }
                rows.add(measure(base, cookie, iface, page.getKey(), page.getValue(), n));
                System.out.printf(Locale.ROOT, "%s%n", format(rows.getLast()));
            }
            String inboxUrl = pages.get("inbox, first page");
            if (get(base + inboxUrl, cookie, false).statusCode() == 200) {
                loads.add(wrk(base, data, iface, inboxUrl, wrkSeconds));
                System.out.println(loads.getLast().output());
            }
        }
        Thread.sleep(1500); // the access log is written by a background thread
        List<String> log = accessLog(data);
        rows.replaceAll(r -> {
            double[] s = serverTimes(log, "b=" + label(r));
            return new Row(r.iface(), r.what(), r.url(), r.clientP50(), r.clientP95(), s[0], s[1], r.bytes(), r.gzipBytes());
        });
        loads.replaceAll(l -> {
            double[] s = serverTimes(log, "b=wrk-" + l.iface());
            long non200 = log.stream().filter(line -> line.contains("b=wrk-" + l.iface() + " ") && !line.contains(" 200 ")).count();
            if (non200 > 0) {
                System.out.printf("%s: %d answers other than 200 in the access log%n", l.iface(), non200);
            }
            return new Load(l.iface(), l.url(), l.output(), l.perSecond(), l.p50(), l.p95(), l.p99(), l.errors(), s[0], s[1]);
        });
        report(rows, loads, skipped, n, wrkSeconds);
    }

    static String label(Row r) {
        return (r.iface() + "-" + r.what()).replaceAll("[^A-Za-z0-9]+", "-");
    }

    static Row measure(String base, String cookie, String iface, String what, String url, int n) throws Exception {
        Row row = new Row(iface, what, url, 0, 0, 0, 0, 0, 0);
        String sep = url.contains("?") ? "&" : "?";
        for (int i = 0; i < Math.max(20, n / 4); i++) {
            get(base + url + sep + "b=warm", cookie, false);
        }
        long[] times = new long[n];
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = get(base + url + sep + "b=" + label(row), cookie, false);
            times[i] = System.nanoTime() - t0;
            bytes = r.body().length;
        }
        long gzip = get(base + url + sep + "b=gzip", cookie, true).body().length;
        Arrays.sort(times);
        return new Row(iface, what, url, times[n / 2] / 1e6, times[(int) Math.ceil(n * 0.95) - 1] / 1e6, 0, 0, bytes, gzip);
    }

    static Load wrk(String base, Path data, String iface, String url, int seconds) throws Exception {
        StringBuilder cookies = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            cookies.append(i == 0 ? "" : ", ").append('"').append(login(base, iface)).append('"');
        }
        Path script = data.resolve("wrk-" + iface + ".lua");
        Files.writeString(script, """
                -- 20 logged-in sessions, used in turn by the requests of each thread
                local cookies = { %s }
                local next = 0
                function setup(thread) thread:set("offset", math.random(0, 19)) end
                function request()
                  next = next + 1
                  local i = (next + offset) %% #cookies + 1
                  return wrk.format("GET", nil, { ["Cookie"] = cookies[i], ["Accept-Language"] = "fr" })
                end
                function done(summary, latency, requests)
                  io.write(string.format("LUA p50 %%.2f p95 %%.2f p99 %%.2f errors %%d\\n",
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
                    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
                      + summary.errors.timeout))
                end
                """.formatted(cookies));
        String target = base + url + (url.contains("?") ? "&" : "?") + "b=wrk-" + iface;
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c20", "-d" + seconds + "s", "--timeout", "10s", "--latency", "-s", script.toString(), target)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher lua = Pattern.compile("LUA p50 ([0-9.]+) p95 ([0-9.]+) p99 ([0-9.]+) errors (\\d+)").matcher(out);
        if (!rps.find() || !lua.find()) {
            throw new IllegalStateException("wrk: " + out);
        }
        return new Load(iface, url, out, Double.parseDouble(rps.group(1)), Double.parseDouble(lua.group(1)),
                Double.parseDouble(lua.group(2)), Double.parseDouble(lua.group(3)), Long.parseLong(lua.group(4)), 0, 0);
    }

    static String login(String base, String iface) throws IOException, InterruptedException {
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Accept-Language", "fr").build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        Matcher cookie = COOKIE.matcher(String.join("\n", page.headers().allValues("Set-Cookie")));
        if (!token.find() || !cookie.find()) {
            throw new IllegalStateException("no CSRF token or session cookie on the login page");
        }
        String form = "_csrf=" + enc(token.group(1)) + "&identifier=" + enc(LOGIN) + "&password=" + enc(PASSWORD)
                + "&interface=" + iface;
        HttpResponse<Void> post = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie.group(1))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (post.statusCode() != 302 || post.headers().firstValue("Location").orElse("").contains("/login")) {
            throw new IllegalStateException("login failed: " + post.statusCode() + " " + post.headers().map());
        }
        Matcher renewed = COOKIE.matcher(String.join("\n", post.headers().allValues("Set-Cookie")));
        return renewed.find() ? renewed.group(1) : cookie.group(1);
    }

    static HttpResponse<byte[]> get(String url, String cookie, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).header("Accept-Language", "fr");
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static List<String> accessLog(Path data) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(data)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("access")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        return lines;
    }

    /** p50 and p95 in ms of the access log's %D (microseconds, last field) of the lines holding the marker. */
    static double[] serverTimes(List<String> log, String marker) {
        Pattern exact = Pattern.compile("[?&]" + Pattern.quote(marker) + "[ &]");
        long[] us = log.stream().filter(l -> exact.matcher(l).find())
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1).trim())).sorted().toArray();
        if (us.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {us[us.length / 2] / 1e3, us[(int) Math.ceil(us.length * 0.95) - 1] / 1e3};
    }

    static String format(Row r) {
        return String.format(Locale.ROOT, "%-10s %-46s client p50 %6.1f p95 %6.1f ms  %,8d B  (gzip %,d B)",
                r.iface(), r.what(), r.clientP50(), r.clientP95(), r.bytes(), r.gzipBytes());
    }

    static void report(List<Row> rows, List<Load> loads, List<String> skipped, int n, int wrkSeconds) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%s, %d sequential requests after warm-up; server = Tomcat access log %%D, "
                + "client = java.net.http on the same machine; load average %s%n%n", Instant.now(), n,
                Files.readString(Path.of("/proc/loadavg")).trim()));
        md.append("| interface | what | server p50 ms | p95 ms | client p50 ms | p95 ms | HTML bytes | gzip bytes |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %,d | %,d |%n",
                    r.iface().equals("FULL") ? "full" : "simplified", r.what(), r.serverP50(), r.serverP95(),
                    r.clientP50(), r.clientP95(), r.bytes(), r.gzipBytes()));
        }
        md.append(String.format(Locale.ROOT, "%nwrk -t2 -c20 -d%ds --timeout 10s on the inbox's first page, 20 sessions:%n%n", wrkSeconds));
        md.append("| interface | requests/s | wrk p50 ms | p95 ms | p99 ms | errors | server p50 ms | p95 ms |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Load l : loads) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.1f | %d | %.1f | %.1f |%n",
                    l.iface().equals("FULL") ? "full" : "simplified", l.perSecond(), l.p50(), l.p95(), l.p99(),
                    l.errors(), l.serverP50(), l.serverP95()));
        }
        if (!skipped.isEmpty()) {
            md.append("\nSkipped (not answering 200 yet): ").append(String.join(", ", skipped)).append('\n');
        }
        System.out.println();
        System.out.println(md);
        Files.writeString(Path.of("target/webmail-bench.md"), md.toString());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
