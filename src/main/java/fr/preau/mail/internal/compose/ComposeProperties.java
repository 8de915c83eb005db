package fr.preau.mail.internal.compose;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The web mail's compose settings ({@code preau.mail.compose.*}).
 *
 * @param maxMessageSize the most a message may weigh with its attachments (and each upload)
 * @param maxRecipients the most addresses one message may go to (To, Cc and Bcc together)
 * @param uploadLifetime how long an upload not sent is kept
 */
@ConfigurationProperties("preau.mail.compose")
public record ComposeProperties(@DefaultValue("25MB") DataSize maxMessageSize,
                                @DefaultValue("100") int maxRecipients,
                                @DefaultValue("24h") Duration uploadLifetime) {

    public static final ComposeProperties DEFAULTS = new ComposeProperties(DataSize.ofMegabytes(25), 100,
            Duration.ofHours(24));

    public long maxMessageBytes() {
        return maxMessageSize.toBytes();
    }
}
