package fr.preau.delivery.internal.inbound;

import fr.preau.delivery.internal.auth.AuthenticationResults;
import fr.preau.delivery.internal.auth.DkimResult;
import fr.preau.delivery.internal.auth.DkimVerifier;
import fr.preau.delivery.internal.auth.DmarcCheck;
import fr.preau.delivery.internal.auth.DmarcResult;
import fr.preau.delivery.internal.auth.InboundMessage;
import fr.preau.delivery.internal.auth.InboundMessageParser;
import fr.preau.delivery.internal.auth.SpamFilter;
import fr.preau.delivery.internal.auth.SpamVerdict;
import fr.preau.delivery.internal.auth.SpfCheck;
import fr.preau.delivery.internal.auth.SpfResult;
import fr.preau.delivery.internal.smtp.Envelope;
import fr.preau.delivery.internal.smtp.SmtpSessionInfo;
import fr.preau.delivery.internal.smtp.SpooledMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the MX does with a message before storing it: SPF (RFC 7208) on the client and MAIL FROM,
 * DKIM (RFC 6376) on the bytes as received, DMARC (RFC 7489) on the From domain, the spam
 * verdict; then the header fields it adds on top ({@code Return-Path}, our
 * {@code Authentication-Results}, {@code X-Spam-*}), any incoming {@code Authentication-Results}
 * that claims our name renamed so that nobody can forge our verdict.
 */
@Component
public class InboundChecks {

    /** The outcome: the verdict, and the message as it will be stored. */
    public record Checked(SpfResult spf, List<DkimResult> dkim, DmarcResult dmarc, SpamVerdict verdict, byte[] prefix) {

        /** The message to store: our header fields, then the received bytes with forged results renamed. */
        public InputStream open(SpooledMessage message, String authservId) throws IOException {
            return new SequenceInputStream(new ByteArrayInputStream(prefix),
                    AuthenticationResults.renameForged(message.open(), authservId));
        }
    }

    private final SpfCheck spf;
    private final DkimVerifier dkim;
    private final DmarcCheck dmarc;
    private final SpamFilter spam;

    public InboundChecks(SpfCheck spf, DkimVerifier dkim, DmarcCheck dmarc, SpamFilter spam) {
        this.spf = spf;
        this.dkim = dkim;
        this.dmarc = dmarc;
        this.spam = spam;
    }

    public Checked check(SmtpSessionInfo session, Envelope envelope, SpooledMessage message, String authservId)
            throws IOException {
        String helo = session.heloName().orElse("");
        SpfResult spfResult = spf.check(session.remoteIp(), envelope.reversePath(), helo);
        List<DkimResult> dkimResults;
        try (InputStream in = message.open()) {
            dkimResults = dkim.verify(in);
        }
        InboundMessage.Envelope smtp = new InboundMessage.Envelope(session.remoteIp(), helo, envelope.reversePath(),
                envelope.recipients(), session.authenticatedUser().orElse(null));
        InboundMessage first = InboundMessageParser.parse(message::open, smtp, spfResult, dkimResults, null);
        DmarcResult dmarcResult = dmarc.check(first.fromDomain(), spfResult, dkimResults);
        InboundMessage parsed = new InboundMessage(first.envelope(), first.headers(), first.subject(), first.fromName(),
                first.fromAddress(), first.textBody(), first.htmlBody(), first.links(), first.attachmentNames(),
                spfResult, dkimResults, dmarcResult, message::open);
        SpamVerdict verdict = spam.check(parsed);
        String prefix = "Return-Path: <" + envelope.reversePath() + ">\r\n"
                + AuthenticationResults.header(authservId, spfResult, dkimResults, dmarcResult)
                + verdict.headerFields();
        return new Checked(spfResult, dkimResults, dmarcResult, verdict, prefix.getBytes(StandardCharsets.UTF_8));
    }
}
