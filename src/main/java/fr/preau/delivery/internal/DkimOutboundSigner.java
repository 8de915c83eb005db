package fr.preau.delivery.internal;

import fr.preau.delivery.internal.auth.DkimSigner;
import fr.preau.delivery.internal.inbound.RecipientResolver;
import fr.preau.delivery.internal.outbound.OutboundSigner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** DKIM-signs outgoing mail of the hosted domains with the domain's key (made on first use). */
@Component
class DkimOutboundSigner implements OutboundSigner {

    private final DkimSigner signer;
    private final RecipientResolver domains;

    DkimOutboundSigner(DkimSigner signer, RecipientResolver domains) {
        this.signer = signer;
        this.domains = domains;
    }

    @Override
    public byte[] headerFor(InputStream raw, String senderDomain) throws IOException {
        if (senderDomain == null || !domains.isHosted(senderDomain)) {
            return new byte[0];
        }
        return signer.sign(raw, senderDomain.toLowerCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.US_ASCII);
    }
}
