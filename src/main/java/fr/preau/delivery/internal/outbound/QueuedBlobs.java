package fr.preau.delivery.internal.outbound;

import fr.preau.platform.BlobReferences;
import org.springframework.stereotype.Component;

/** Tells the blob collector to keep the bytes of every message still in the outbound queue. */
@Component
class QueuedBlobs implements BlobReferences {

    @Override
    public String referencingQuery() {
        return "select blob_hash from outbound_message";
    }
}
