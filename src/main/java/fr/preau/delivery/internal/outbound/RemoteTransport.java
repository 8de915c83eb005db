package fr.preau.delivery.internal.outbound;

import java.util.List;

/**
 * Hands a message to the mail system of another domain: through a smarthost
 * ({@link SmarthostTransport}) or the domain's own MX hosts ({@link DirectMxTransport}).
 */
interface RemoteTransport {

    /**
     * Delivers {@code message} from {@code sender} (null: the null reverse-path) to
     * {@code recipients}, all of {@code domain}, in one SMTP transaction where possible. Never
     * throws: every recipient gets a result, and anything unexpected (connection refused,
     * timeout, DNS failure) is a temporary failure.
     */
    List<RecipientResult> deliver(RawMessage message, String sender, List<String> recipients, String domain);
}
