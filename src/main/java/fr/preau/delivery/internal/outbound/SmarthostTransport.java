package fr.preau.delivery.internal.outbound;

import fr.preau.delivery.internal.outbound.DeliveryProperties.Smarthost;
import java.util.List;

/**
 * Relays everything through one configured host ({@code preau.delivery.smarthost.*}), with
 * its TLS mode and, when given, AUTH. When the relay cannot be reached or refuses us (TLS or
 * authentication failure) every recipient is deferred: a misconfigured relay must never turn
 * into bounces.
 */
final class SmarthostTransport implements RemoteTransport {

    private final SmtpClient client;
    private final SmtpClient.Endpoint endpoint;

    SmarthostTransport(SmtpClient client, Smarthost smarthost) {
        if (!smarthost.configured()) {
            throw new IllegalArgumentException("no smarthost configured");
        }
        this.client = client;
        this.endpoint = new SmtpClient.Endpoint(smarthost.host(), smarthost.host(), smarthost.port(), smarthost.tls(),
                smarthost.verifyCertificate(), smarthost.user(), smarthost.password());
    }

    @Override
    public List<RecipientResult> deliver(RawMessage message, String sender, List<String> recipients, String domain) {
        try {
            return client.send(endpoint, message, sender, recipients);
        } catch (SmtpClient.Unreachable e) {
            return recipients.stream()
                    .map(r -> new RecipientResult(r, RecipientResult.Outcome.TEMPORARY, e.reply(), null))
                    .toList();
        }
    }

    @Override
    public String toString() {
        return "smarthost " + endpoint;
    }
}
