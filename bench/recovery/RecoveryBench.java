import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Latency of account recovery and of the login with two-step verification, against a running
 * Préau with the demo data, one request at a time, as a browser makes them (session cookie, CSRF
 * token read from each form, the ALTCHA proof of work solved before posting a form that has one).
 * Only the POSTs are timed; the pages a browser loads in between (and the proof of work) are not.
 *
 * <ol>
 * <li>Self-service recovery for an account with a verified backup address and for an identifiant
 *     of nobody, alternately, each time in a new session: the identifiant, the request for an
 *     e-mail code, a wrong code (1.2 s later, once the code has left). Also checks that both get
 *     the same pages, and probes a wrong code typed at once after a second request.</li>
 * <li>The forgotten identifiant: a real NUMEN with its backup address, and a NUMEN of nobody.</li>
 * <li>Logins: without two-step verification; the password step of an account that has it; the
 *     TOTP step (codes computed here, RFC 6238; one per account and 30 s step, the server refusing
 *     a step used before, so rounds wait for the next step); a recovery code; a trusted browser.</li>
 * </ol>
 *
 * <p>Arguments: base URL, tries per case, TOTP rounds, the account with verified contacts, its
 * NUMEN and backup address, the demo password, the accounts to turn two-step verification on
 * for, and optionally the parts ({@code recovery}, {@code two-factor}; both by default).
 *
 * <pre>java RecoveryBench.java http://localhost:8080 100 3 cmartin 07E1512345ABC camille.martin@example.org \
 *     'Marelle-Cerf-Volant-84!' tbernard,jdupont,hlambert,nroche recovery,two-factor</pre>
 */
public class RecoveryBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern STAMP = Pattern.compile("name=\"captchaStamp\" value=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([^<]+)<");
    private static final Pattern RECOVERY_CODE = Pattern.compile("<li><code>([^<]+)</code></li>");
    private static final Pattern MAIN = Pattern.compile("<main[\\s\\S]*</main>");
    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final int WARM_UP = 10;
    private static final int RACE_PAIRS = Integer.getInteger("bench.probePairs", 6);

    private static HttpClient http;
    private static String base;
    private static int errors;
    private static final Map<String, List<Long>> times = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        base = args[0];
        int n = Integer.parseInt(args[1]);
        int codeRounds = Integer.parseInt(args[2]);
        String known = args[3];
        String numen = args[4];
        String backup = args[5];
        String password = args[6];
        List<String> twoFactorLogins = List.of(args[7].split(","));
        List<String> parts = List.of((args.length > 8 ? args[8] : "recovery,two-factor").split(","));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        int[] different = {0, 0, 0};
        if (parts.contains("recovery")) {
            different = recoveryParts(n, known, numen, backup);
        }
        if (parts.contains("two-factor")) {
            twoFactorParts(n, codeRounds, known, password, twoFactorLogins);
        }
        section("end");
        System.out.printf("%-58s %5s %8s %8s %8s %8s%n", "what", "n", "p50 ms", "p95 ms", "min ms", "max ms");
        for (var entry : times.entrySet()) {
            List<Long> sorted = new ArrayList<>(entry.getValue());
            Collections.sort(sorted);
            System.out.printf("%-58s %5d %8.1f %8.1f %8.1f %8.1f%n", entry.getKey(), sorted.size(),
                    percentile(sorted, 50), percentile(sorted, 95), sorted.getFirst() / 1e6, sorted.getLast() / 1e6);
        }
        if (parts.contains("recovery")) {
            System.out.printf("recovery: pages differing between the account and nobody: %d of %d pairs%n", different[0], n + WARM_UP);
            System.out.printf("recovery, a second request and a wrong code typed at once: pages differing: %d of %d pairs%n",
                    different[1], RACE_PAIRS);
            System.out.printf("forgotten identifiant: answers differing: %d of %d pairs%n", different[2], n + WARM_UP);
        }
        System.out.printf("unexpected answers: %d%n", errors);
    }

    /** The pages (main element) a recovery showed, with the identifiant typed and the form values blanked. */
    record Recovered(String identifier, String who, Browser browser, List<String> pages) {}

    /** Parts 1 and 2; returns the counts of pairs whose pages differed (recovery, probe, reminder). */
    private static int[] recoveryParts(int n, String known, String numen, String backup) throws Exception {
        section("self-service recovery");
        // 1. self-service recovery, for the account and for nobody alternately (the order swapped
        // each time); the wrong code is typed once the code has left (the server sends it in the
        // background, 0.2 to 1 s after the request), as a person reading the mail would
        int differentPages = 0;
        for (int i = -WARM_UP; i < n; i++) {
            String nobody = "nobody" + (i + WARM_UP) + known;
            boolean knownFirst = i % 2 == 0;
            String label = i >= 0 ? "recovery" : null;
            Recovered a = requestCode(knownFirst ? known : nobody, label);
            Recovered b = requestCode(knownFirst ? nobody : known, label);
            Thread.sleep(1200);
            wrongCode(a, label);
            wrongCode(b, label);
            if (!a.pages().equals(b.pages())) {
                differentPages++;
                if (differentPages == 1) {
                    System.err.println("recovery, first difference (pair " + (i + WARM_UP) + "): " + difference(a, b));
                }
            }
        }
        section("probe: a wrong code typed at once");
        // probe: a wrong code typed once the code has left, then a new request and a wrong code
        // typed at once, before the new code exists; the pages of the second recovery compared
        int differentAtOnce = 0;
        for (int i = 0; i < RACE_PAIRS; i++) {
            List<Recovered> second = new ArrayList<>();
            for (String identifier : i % 2 == 0 ? List.of(known, "nobody-at-once" + i + known)
                    : List.of("nobody-at-once" + i + known, known)) {
                Recovered first = requestCode(identifier, null);
                Thread.sleep(1200);
                wrongCode(first, null);
                Recovered again = requestCode(identifier, null);
                wrongCode(again, null);
                second.add(again);
                Thread.sleep(1200);
            }
            if (!second.get(0).pages().equals(second.get(1).pages())) {
                differentAtOnce++;
                if (differentAtOnce == 1) {
                    System.err.println("recovery, code at once, first difference (pair " + i + "): "
                            + difference(second.get(0), second.get(1)));
                }
            }
        }

        section("forgotten identifiant");
        // 2. forgotten identifiant
        int differentReminders = 0;
        for (int i = -WARM_UP; i < n; i++) {
            String nobody = String.format("07E99%05dZZZ", i + WARM_UP);
            boolean realFirst = i % 2 == 0;
            String a = remind(realFirst ? numen : nobody, backup, realFirst ? "real NUMEN" : "NUMEN of nobody", i >= 0);
            String b = remind(realFirst ? nobody : numen, backup, realFirst ? "NUMEN of nobody" : "real NUMEN", i >= 0);
            if (!a.equals(b)) {
                differentReminders++;
            }
        }

        return new int[] {differentPages, differentAtOnce, differentReminders};
    }

    /** Part 3: two-step verification turned on, then the logins. */
    private static void twoFactorParts(int n, int codeRounds, String known, String password, List<String> twoFactorLogins)
            throws Exception {
        section("two-step verification: enrollment and logins");
        // 3. two-step verification: turned on through the pages, as agents do
        List<Enrolled> enrolled = new ArrayList<>();
        for (String login : twoFactorLogins) {
            enrolled.add(enroll(login, password));
        }
        // a recovery code with "trust this browser": the browser's cookie for the trusted logins
        Enrolled first = enrolled.getFirst();
        Browser trusting = new Browser();
        expect(login(trusting, first.login(), password), 302, "/login/second-factor", null);
        trusting.get("/login/second-factor");
        expect(trusting.post("/login/second-factor", "code", first.recoveryCodes().removeFirst(), "trust", "yes"),
                302, "/app", null);
        String trustToken = trusting.cookies.get("preau_trusted");
        if (trustToken == null) {
            throw new IllegalStateException("no trusted-browser cookie");
        }
        for (int i = -WARM_UP; i < n; i++) {
            boolean keep = i >= 0;
            Enrolled e = enrolled.get(Math.floorMod(i, enrolled.size()));
            expect(login(new Browser(), known, password), 302, "/app", keep ? "login without two-step verification" : null);
            expect(login(new Browser(), e.login(), password), 302, "/login/second-factor",
                    keep ? "two-step on: password step" : null);
            Browser trusted = new Browser();
            trusted.cookies.put("preau_trusted", trustToken);
            expect(login(trusted, first.login(), password), 302, "/app", keep ? "two-step on: trusted browser, password only" : null);
        }
        // recovery codes: three per account
        for (int i = 0; i < 3; i++) {
            for (Enrolled e : enrolled) {
                Browser b = new Browser();
                expect(login(b, e.login(), password), 302, "/login/second-factor", null);
                b.get("/login/second-factor");
                expect(b.post("/login/second-factor", "code", e.recoveryCodes().removeFirst()), 302, "/app",
                        "two-step on: recovery code step");
            }
        }
        section("TOTP rounds");
        // TOTP codes: each round waits for a step no account has used yet
        for (int round = 0; round < codeRounds; round++) {
            long lastUsed = enrolled.stream().mapToLong(Enrolled::lastStep).max().orElseThrow();
            waitForStep(lastUsed + 1);
            for (int k = 0; k < enrolled.size(); k++) {
                Enrolled e = enrolled.get(k);
                Browser b = new Browser();
                expect(login(b, e.login(), password), 302, "/login/second-factor", "two-step on: password step (code rounds)");
                b.get("/login/second-factor");
                long step = currentStep();
                if (step <= e.lastStep()) {
                    waitForStep(e.lastStep() + 1);
                    step = currentStep();
                }
                expect(b.post("/login/second-factor", "code", totp(e.key(), step)), 302, "/app",
                        "two-step on: TOTP code step");
                enrolled.set(k, e.used(step));
            }
        }

    }

    /** Steps 1 and 2 in a new session: the identifiant, then the request for an e-mail code. */
    private static Recovered requestCode(String identifier, String label) throws Exception {
        String who = identifier.startsWith("nobody") ? "unknown identifiant" : "account with verified contacts";
        Browser b = new Browser();
        String start = b.get("/recovery").body();
        String proof = solveCaptcha(b);
        expect(b.post("/recovery", "identifier", identifier, "altcha", proof, "captchaStamp", group(STAMP, start)),
                302, "/recovery/method", label == null ? null : label + ", " + who + ": 1. identifiant");
        List<String> pages = new ArrayList<>();
        pages.add(main(b.get("/recovery/method").body(), identifier));
        expect(b.post("/recovery/method", "method", "EMAIL", "action", "send"),
                302, "/recovery/code", label == null ? null : label + ", " + who + ": 2. send e-mail code");
        pages.add(main(b.get("/recovery/code").body(), identifier));
        return new Recovered(identifier, who, b, pages);
    }

    /** Step 3: a wrong code. */
    private static void wrongCode(Recovered r, String label) throws Exception {
        Answer wrong = r.browser().post("/recovery/code", "code", "000000");
        expect(wrong, 400, null, label == null ? null : label + ", " + r.who() + ": 3. wrong code");
        r.pages().add(main(wrong.body(), r.identifier()));
    }

    /** The lines of the first page that differs, in each recovery (first the account's, then nobody's). */
    private static String difference(Recovered a, Recovered b) {
        boolean aKnown = !a.identifier().startsWith("nobody");
        Recovered known = aKnown ? a : b;
        Recovered nobody = aKnown ? b : a;
        for (int p = 0; p < known.pages().size(); p++) {
            List<String> x = new ArrayList<>(List.of(known.pages().get(p).split("\n")));
            List<String> y = new ArrayList<>(List.of(nobody.pages().get(p).split("\n")));
            if (!x.equals(y)) {
                List<String> onlyX = new ArrayList<>(x);
                onlyX.removeAll(y);
                List<String> onlyY = new ArrayList<>(y);
                onlyY.removeAll(x);
                return "page " + (p + 1) + ", the account's: " + onlyX.stream().map(String::strip).toList()
                        + "; nobody's: " + onlyY.stream().map(String::strip).toList();
            }
        }
        return "none";
    }

    private static String remind(String numen, String contact, String who, boolean keep) throws Exception {
        Browser b = new Browser();
        String form = b.get("/forgot-identifier").body();
        String proof = solveCaptcha(b);
        Answer answer = b.post("/forgot-identifier", "numen", numen, "contact", contact, "altcha", proof,
                "captchaStamp", group(STAMP, form));
        expect(answer, 200, null, keep ? "forgotten identifiant, " + who : null);
        return main(answer.body(), numen);
    }

    record Enrolled(String login, byte[] key, List<String> recoveryCodes, long lastStep) {
        Enrolled used(long step) {
            return new Enrolled(login, key, recoveryCodes, step);
        }
    }

    /**
     * Turns two-step verification on: from the account page (GET /account/two-factor, "Activer",
     * the secret read from the page, the first code), or, for a role that requires it, at the
     * first login (the forced enrollment). Returns the secret and the recovery codes shown.
     */
    private static Enrolled enroll(String login, String password) throws Exception {
        Browser b = new Browser();
        Answer in = login(b, login, password);
        boolean forced = in.location().startsWith("/login/second-factor/enroll");
        expect(in, 302, forced ? "/login/second-factor/enroll" : "/app", null);
        String page;
        if (forced) {
            page = b.get("/login/second-factor/enroll").body();
        } else {
            b.get("/account/two-factor");
            expect(b.post("/account/two-factor/start"), 302, "/account/two-factor", null);
            page = b.get("/account/two-factor").body();
        }
        byte[] key = base32(group(SECRET, page));
        long step = currentStep();
        Answer confirmed = b.post(forced ? "/login/second-factor/enroll" : "/account/two-factor/confirm",
                "code", totp(key, step));
        expect(confirmed, 200, null, null);
        if (forced) {
            expect(b.post("/login/second-factor/continue"), 302, "/app", null);
        }
        List<String> codes = new ArrayList<>();
        Matcher m = RECOVERY_CODE.matcher(confirmed.body());
        while (m.find()) {
            codes.add(m.group(1).strip());
        }
        if (codes.size() < 4) {
            throw new IllegalStateException("two-step verification not turned on for " + login);
        }
        return new Enrolled(login, key, codes, step);
    }

    private static Answer login(Browser b, String login, String password) throws Exception {
        b.get("/login");
        return b.post("/login", "identifier", login, "password", password, "interface", "FULL");
    }

    /** Checks the status (and the redirect's start); records the time under {@code name} unless null. */
    private static void expect(Answer answer, int status, String location, String name) {
        boolean ok = answer.status() == status && (location == null || answer.location().startsWith(location));
        if (!ok) {
            errors++;
            System.err.printf("unexpected answer for %s: %d %s%n", name, answer.status(), answer.location());
            return;
        }
        if (name != null) {
            times.computeIfAbsent(name, k -> new ArrayList<>()).add(answer.nanos());
        }
    }

    // ---- a browser: its cookies (one host; paths ignored) and the CSRF token of the last form

    record Answer(int status, String location, String body, long nanos) {}

    static final class Browser {
        final Map<String, String> cookies = new TreeMap<>();
        String csrf = "";

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            keep(response);
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        }

        Answer post(String path, String... fields) throws Exception {
            StringBuilder form = new StringBuilder("_csrf=").append(enc(csrf));
            for (int i = 0; i < fields.length; i += 2) {
                form.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
            }
            HttpRequest request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - t0;
            keep(response);
            String location = response.headers().firstValue("Location").orElse("");
            return new Answer(response.statusCode(), location.startsWith(base) ? location.substring(base.length()) : location,
                    response.body(), elapsed);
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept-Language", "fr").header("User-Agent", USER_AGENT);
            if (!cookies.isEmpty()) {
                builder.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            return builder;
        }

        private void keep(HttpResponse<?> response) {
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
    }

    // ---- ALTCHA: what assets/js/captcha.js does in the browser

    private static String solveCaptcha(Browser b) throws Exception {
        String json = b.get("/captcha/challenge").body();
        String algorithm = jsonString(json, "algorithm");
        String challenge = jsonString(json, "challenge");
        String salt = jsonString(json, "salt");
        String signature = jsonString(json, "signature");
        Matcher max = Pattern.compile("\"maxnumber\"\\s*:\\s*(\\d+)").matcher(json);
        if (!max.find() || !"SHA-256".equals(algorithm)) {
            throw new IllegalStateException("unexpected challenge: " + json);
        }
        byte[] wanted = HexFormat.of().parseHex(challenge);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (long number = 0; number <= Long.parseLong(max.group(1)); number++) {
            if (MessageDigest.isEqual(sha.digest((salt + number).getBytes(StandardCharsets.UTF_8)), wanted)) {
                String payload = "{\"algorithm\":" + quote(algorithm) + ",\"challenge\":" + quote(challenge)
                        + ",\"number\":" + number + ",\"salt\":" + quote(salt) + ",\"signature\":" + quote(signature) + "}";
                return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new IllegalStateException("no solution to the challenge");
    }

    private static String jsonString(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        StringBuilder out = new StringBuilder();
        String s = m.group(1);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                char e = s.charAt(++i);
                switch (e) {
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---- TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30 s), as an authenticator app computes it

    private static long currentStep() {
        return Math.floorDiv(System.currentTimeMillis(), 30_000L);
    }

    /** Sleeps until {@code step} has begun (and half a second more, for the server's clock). */
    private static void waitForStep(long step) throws InterruptedException {
        long wait = step * 30_000L + 500 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    static String totp(byte[] key, long step) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = h[h.length - 1] & 0x0f;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                | (h[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String s = text.replaceAll("[\\s=]", "").toUpperCase();
        byte[] out = new byte[s.length() * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : s.toCharArray()) {
            int v = alphabet.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not base32: " + text);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    // ---- small helpers

    /** When a part starts, with the load average: the machine is shared, this says what ran beside. */
    private static void section(String name) throws Exception {
        String load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        System.out.printf("%s  %s (load %s)%n", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                name, load.substring(0, load.indexOf(' ', load.indexOf(' ', load.indexOf(' ') + 1) + 1)));
    }

    private static String main(String page, String typed) {
        Matcher m = MAIN.matcher(page);
        String main = m.find() ? m.group() : page;
        return main.replace(typed, "«typed»").replaceAll("value=\"[^\"]*\"", "value=\"\"");
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + pattern);
        }
        return m.group(1);
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
