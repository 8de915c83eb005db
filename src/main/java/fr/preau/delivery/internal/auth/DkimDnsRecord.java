package fr.preau.delivery.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The TXT record a domain publishes for its DKIM key: {@code name} (without the final dot),
 * {@code value} ({@code v=DKIM1; k=rsa; p=...}), the value cut into strings of at most 255
 * bytes as DNS needs, and the zone-file line.
 */
public record DkimDnsRecord(String name, String value) {

    /** The value in strings of at most 255 bytes (DNS character-strings). */
    public List<String> strings() {
        List<String> parts = new ArrayList<>();
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        for (int start = 0; start < bytes.length; start += 255) {
            parts.add(new String(bytes, start, Math.min(255, bytes.length - start), StandardCharsets.US_ASCII));
        }
        return parts;
    }

    /** e.g. {@code preau202612._domainkey.ac-dijon.fr. TXT "v=DKIM1; k=rsa; p=MIIB..." "..."} */
    public String zoneLine() {
        return name + ". TXT " + strings().stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(" "));
    }
}
