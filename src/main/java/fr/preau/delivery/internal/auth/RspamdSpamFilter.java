package fr.preau.delivery.internal.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The spam verdict of an rspamd server, over its HTTP protocol: {@code POST /checkv2} with the
 * raw message and the envelope in headers ({@code IP}, {@code Helo}, {@code From},
 * {@code Rcpt}, {@code User}); rspamd's action decides ("reject" refuses, "add header" and
 * "rewrite subject" mean spam; "greylist" and "soft reject" are not acted on). When rspamd
 * does not answer in time or answers nonsense, the built-in filter decides: a message is never
 * lost or held because rspamd is down.
 */
public final class RspamdSpamFilter implements SpamFilter {

    private static final Logger log = LoggerFactory.getLogger(RspamdSpamFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI checkUri;
    private final Duration timeout;
    private final SpamProperties properties;
    private final SpamFilter fallback;
    private final HttpClient http;

    public RspamdSpamFilter(SpamProperties properties, SpamFilter fallback) {
        String base = properties.rspamdUrl().toString();
        this.checkUri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/checkv2");
        this.timeout = properties.rspamdTimeout();
        this.properties = properties;
        this.fallback = fallback;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public SpamVerdict check(InboundMessage message) {
        if (message.raw() == null) {
            return fallback.check(message);
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(checkUri).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> open(message)));
            InboundMessage.Envelope envelope = message.envelope();
            if (envelope != null) {
                if (envelope.client() != null) {
                    request.header("IP", envelope.client().getHostAddress());
                }
                header(request, "Helo", envelope.helo());
                header(request, "From", envelope.mailFrom());
                envelope.recipients().forEach(r -> header(request, "Rcpt", r));
                header(request, "User", envelope.user());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("rspamd answered HTTP {}: using the built-in spam rules", response.statusCode());
                return fallback.check(message);
            }
            return verdict(JSON.readTree(response.body()));
        } catch (IOException | RuntimeException e) {
            log.warn("rspamd at {} unavailable ({}): using the built-in spam rules", checkUri, e.toString());
            return fallback.check(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback.check(message);
        }
    }

    private static InputStream open(InboundMessage message) {
        try {
            return message.raw().open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(HttpRequest.Builder request, String name, String value) {
        if (value != null && !value.isBlank()) {
            // header values cannot hold line breaks; an address never has one
            request.header(name, value.replaceAll("[\\r\\n]", " ").strip());
        }
    }

    /** rspamd's reply as a verdict. */
    SpamVerdict verdict(JsonNode reply) {
        if (!reply.has("score") || !reply.has("action")) {
            throw new IllegalStateException("not an rspamd reply");
        }
        double score = reply.get("score").asDouble();
        double required = reply.has("required_score") ? reply.get("required_score").asDouble() : properties.threshold();
        String action = reply.get("action").asString().toLowerCase(Locale.ROOT);
        boolean reject = action.equals("reject")
                || properties.rejectThreshold() != null && score >= properties.rejectThreshold();
        boolean spam = reject || action.equals("add header") || action.equals("rewrite subject");
        List<Map.Entry<String, Double>> symbols = new ArrayList<>();
        JsonNode all = reply.get("symbols");
        if (all != null && all.isObject()) {
            for (Map.Entry<String, JsonNode> symbol : all.properties()) {
                double s = symbol.getValue().has("score") ? symbol.getValue().get("score").asDouble() : 0;
                if (s != 0 || symbol.getKey().equals("GTUBE")) {
                    symbols.add(Map.entry(symbol.getKey(), s));
                }
            }
        }
        symbols.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        return SpamVerdict.of(score, required, spam, reject, symbols.stream().map(Map.Entry::getKey).toList());
    }
}
