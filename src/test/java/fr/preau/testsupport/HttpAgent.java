package fr.preau.testsupport;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that behaves like a browser without JavaScript: it fetches a
 * page, takes the CSRF token from its form and posts forms. Redirects are not followed, so
 * tests can look at each step. Like browsers on {@code localhost}, it sends cookies marked
 * Secure over plain HTTP (the JDK's cookie manager would not).
 */
public final class HttpAgent {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient client;
    private final String language;
    private String csrf = "";

    public HttpAgent(int port, String language) {
        this.base = "http://localhost:" + port;
        this.language = language;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpAgent(int port) {
        this(port, "fr-FR,fr;q=0.9");
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(request(path).GET().build());
        remember(response);
        return response;
    }

    /** Posts a form with the CSRF token of the last page fetched. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf);
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        remember(response);
        return response;
    }

    /** Follows a redirect answer (one step). */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return get(location.startsWith("http") ? URI.create(location).getRawPath()
                + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()) : location);
    }

    /** Logs in (fetching the login page first for its token); returns the answer to the POST. */
    public HttpResponse<String> login(String identifier, String password, String interfaceChoice) {
        get("/login");
        return post("/login", Map.of("identifier", identifier, "password", password, "interface", interfaceChoice));
    }

    public String sessionCookie() {
        return cookies.get("PREAU_SESSION");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language)
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) HttpAgent/1.0 Firefox/140.0");
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private void remember(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            HttpCookie cookie = HttpCookie.parse(header).get(0);
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
