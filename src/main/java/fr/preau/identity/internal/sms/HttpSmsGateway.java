package fr.preau.identity.internal.sms;

import fr.preau.identity.SmsGateway;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generic operator gateway: the configured URL template (and POST body template) with the
 * number and the text put in; any 2xx answer means accepted. The text (a code) is never logged.
 */
class HttpSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);

    private final SmsProperties properties;
    private final HttpClient client;

    HttpSmsGateway(SmsProperties properties) {
        if (properties.urlTemplate() == null || properties.urlTemplate().isBlank()) {
            throw new IllegalStateException("preau.sms.url-template is required when preau.sms.mode=http");
        }
        this.properties = properties;
        this.client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public void send(Long accountId, String mobile, String text) {
        String url = fill(properties.urlTemplate(), mobile, text, false);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.timeout());
        Map<String, String> headers = properties.headers() == null ? Map.of() : properties.headers();
        headers.forEach(request::header);
        boolean json = "json".equalsIgnoreCase(properties.bodyEncoding());
        if ("GET".equalsIgnoreCase(properties.method())) {
            request.GET();
        } else {
            String body = properties.body() == null ? "" : fill(properties.body(), mobile, text, json);
            if (!headers.containsKey("Content-Type")) {
                request.header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded");
            }
            request.method(properties.method().toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                log.warn("SMS operator answered {} for account {}", response.statusCode(), accountId);
                throw new SmsFailedException("operator answered " + response.statusCode(), null);
            }
        } catch (java.io.IOException e) {
            log.warn("SMS operator not reached for account {} ({})", accountId, e.toString());
            throw new SmsFailedException("operator not reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsFailedException("interrupted", e);
        }
    }

    static String fill(String template, String mobile, String text, boolean json) {
        return template.replace("{to}", encode(mobile, json)).replace("{text}", encode(text, json));
    }

    private static String encode(String value, boolean json) {
        if (json) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
