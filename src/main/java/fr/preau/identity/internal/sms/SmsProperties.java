package fr.preau.identity.internal.sms;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code preau.sms.*}: {@code mode} is {@code outbox} (default: kept in the database) or {@code http}.
 * For http, {@code urlTemplate} is the operator's URL with {@code {to}} and {@code {text}} (URL-encoded
 * when put in), {@code method} GET or POST, {@code body} an optional POST body template (same
 * placeholders, form- or JSON-encoded by {@code bodyEncoding}), {@code headers} sent as they are (an
 * API key), and any 2xx answer counts as accepted.
 */
@ConfigurationProperties("preau.sms")
public record SmsProperties(
        @DefaultValue("outbox") String mode,
        String urlTemplate,
        @DefaultValue("POST") String method,
        String body,
        @DefaultValue("form") String bodyEncoding,
        Map<String, String> headers,
        @DefaultValue("10s") Duration timeout) {}
