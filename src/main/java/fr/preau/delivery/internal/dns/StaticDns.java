package fr.preau.delivery.internal.dns;

import com.google.common.net.InetAddresses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DNS answered from a local zone instead of the Internet: tests, the demo and air-gapped
 * installations. The zone is a text file, one record per line:
 *
 * <pre>
 * ; comments start with ';' (or '#' at the start of a line)
 * example.org.                  TXT   "v=spf1 ip4:192.0.2.1 -all"
 * example.org.                  MX    10 mx.example.org.
 * mx.example.org.       3600 IN A     127.0.0.1
 * mx.example.org.               AAAA  ::1
 * 1.0.0.127.in-addr.arpa.       PTR   mx.example.org.
 * www.example.org.              CNAME example.org.
 * sel._domainkey.example.org.   TXT   ( "v=DKIM1; k=rsa; p=MIIB..."
 *                                       "...rest of the key" )
 * broken.example.               SERVFAIL
 * </pre>
 *
 * Names are absolute, with or without the final dot, and case-insensitive; a TTL and the class
 * {@code IN} may follow the name and are ignored. A TXT record is one or more quoted strings
 * (joined, as DNS does) and may span lines inside parentheses. The pseudo-type
 * {@code SERVFAIL} makes every lookup of that name a {@link Dns.TemporaryFailure}, to test
 * "try again later". CNAMEs are followed (up to 8 hops). A name with no record of the asked
 * type gives an empty list. Instances are immutable and thread-safe.
 */
public final class StaticDns implements Dns {

    /** The record types a zone can hold. */
    public enum Type { A, AAAA, MX, TXT, PTR, CNAME, SERVFAIL }

    private static final int MAX_CNAME_HOPS = 8;

    private final Map<String, Map<Type, List<Object>>> zone;

    private StaticDns(Map<String, Map<Type, List<Object>>> zone) {
        this.zone = zone;
    }

    /** An empty zone: every name is unknown. */
    public static StaticDns empty() {
        return builder().build();
    }

    /** A zone from its text (the format above). */
    public static StaticDns parse(String zoneText) {
        return builder().zone(zoneText).build();
    }

    /** A zone from a file (the format above, UTF-8). */
    public static StaticDns load(Path zoneFile) {
        try {
            return parse(Files.readString(zoneFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the DNS zone file " + zoneFile, e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<MxRecord> mx(String domain) {
        List<MxRecord> records = new ArrayList<>();
        for (Object record : lookup(domain, Type.MX)) {
            records.add((MxRecord) record);
        }
        records.sort(Comparator.comparingInt(MxRecord::preference));
        return List.copyOf(records);
    }

    @Override
    public List<String> txt(String name) {
        return lookup(name, Type.TXT).stream().map(String.class::cast).toList();
    }

    @Override
    public List<InetAddress> addresses(String host) {
        List<InetAddress> addresses = new ArrayList<>();
        for (Object a : lookup(host, Type.A)) {
            addresses.add((InetAddress) a);
        }
        for (Object a : lookup(host, Type.AAAA)) {
            addresses.add((InetAddress) a);
        }
        return List.copyOf(addresses);
    }

    @Override
    public List<String> reverse(InetAddress address) {
        return lookup(reverseName(address), Type.PTR).stream().map(String.class::cast).toList();
    }

    /** The name under {@code in-addr.arpa} or {@code ip6.arpa} that holds an address's PTR records. */
    public static String reverseName(InetAddress address) {
        byte[] bytes = address.getAddress();
        StringBuilder name = new StringBuilder();
        if (address instanceof Inet6Address) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                name.append(Character.forDigit(bytes[i] & 0xf, 16)).append('.')
                        .append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append('.');
            }
            return name.append("ip6.arpa").toString();
        }
        for (int i = bytes.length - 1; i >= 0; i--) {
            name.append(bytes[i] & 0xff).append('.');
        }
        return name.append("in-addr.arpa").toString();
    }

    private List<Object> lookup(String name, Type type) {
        String current = normalise(name);
        for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
            Map<Type, List<Object>> records = zone.get(current);
            if (records == null) {
                return List.of();
            }
            if (records.containsKey(Type.SERVFAIL)) {
                throw new TemporaryFailure("SERVFAIL for " + current + " (static zone)");
            }
            List<Object> found = records.get(type);
            if (found != null) {
                return found;
            }
            List<Object> alias = records.get(Type.CNAME);
            if (alias == null) {
                return List.of();
            }
            current = (String) alias.getFirst();
        }
        throw new TemporaryFailure("CNAME chain too long at " + name + " (static zone)");
    }

    static String normalise(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** Builds a zone in code, record by record, or from zone text. */
    public static final class Builder {

        private final Map<String, Map<Type, List<Object>>> zone = new LinkedHashMap<>();

        private Builder() {}

        public Builder a(String host, String... addresses) {
            for (String address : addresses) {
                InetAddress parsed = literal(address);
                add(host, parsed instanceof Inet6Address ? Type.AAAA : Type.A, parsed);
            }
            return this;
        }

        public Builder mx(String domain, int preference, String host) {
            return add(domain, Type.MX, new MxRecord(preference, normalise(host)));
        }

        /** A TXT record; its value is given whole (as DNS clients see it once the strings are joined). */
        public Builder txt(String name, String value) {
            return add(name, Type.TXT, value);
        }

        /** A PTR record for an address, e.g. {@code ptr("192.0.2.1", "mx.example.org")}. */
        public Builder ptr(String address, String host) {
            return add(reverseName(literal(address)), Type.PTR, normalise(host));
        }

        public Builder cname(String alias, String target) {
            return add(alias, Type.CNAME, normalise(target));
        }

        /** Every lookup of this name fails temporarily (like a SERVFAIL or a timeout). */
        public Builder servfail(String name) {
            return add(name, Type.SERVFAIL, "");
        }

        /** Adds the records of a zone text (the format of {@link StaticDns}). */
        public Builder zone(String zoneText) {
            new ZoneParser(this).parse(zoneText);
            return this;
        }

        public StaticDns build() {
            Map<String, Map<Type, List<Object>>> copy = new LinkedHashMap<>();
            zone.forEach((name, records) -> {
                Map<Type, List<Object>> byType = new LinkedHashMap<>();
                records.forEach((type, values) -> byType.put(type, List.copyOf(values)));
                copy.put(name, Map.copyOf(byType));
            });
            return new StaticDns(Map.copyOf(copy));
        }

        Builder add(String name, Type type, Object value) {
            String key = normalise(name);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("Empty name in a DNS zone");
            }
            Map<Type, List<Object>> records = zone.computeIfAbsent(key, k -> new LinkedHashMap<>());
            if (type == Type.CNAME && !records.isEmpty() || type != Type.CNAME && records.containsKey(Type.CNAME)) {
                throw new IllegalArgumentException("A CNAME cannot share its name with other records: " + key);
            }
            records.computeIfAbsent(type, t -> new ArrayList<>()).add(value);
            return this;
        }

        static InetAddress literal(String address) {
            try {
                return InetAddresses.forString(address.trim()); // a literal only, never a lookup
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Not an IP address: " + address, e);
            }
        }
    }

    /** Reads zone text into a builder; errors name the line. */
    private static final class ZoneParser {

        private static final Set<String> CLASSES = new HashSet<>(List.of("IN"));
        private final Builder builder;

        ZoneParser(Builder builder) {
            this.builder = builder;
        }

        void parse(String text) {
            String[] lines = text.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int first = i + 1;
                List<String> tokens = new ArrayList<>();
                int depth = tokenize(lines[i], tokens, 0, first);
                while (depth > 0) {
                    if (++i >= lines.length) {
                        throw new IllegalArgumentException("DNS zone line " + first + ": unclosed parenthesis");
                    }
                    depth = tokenize(lines[i], tokens, depth, i + 1);
                }
                if (!tokens.isEmpty()) {
                    try {
                        record(tokens);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("DNS zone line " + first + ": " + e.getMessage(), e);
                    }
                }
            }
        }

        private void record(List<String> tokens) {
            String name = unquote(tokens.get(0));
            int at = 1;
            if (at < tokens.size() && tokens.get(at).matches("\\d+")) {
                at++; // TTL
            }
            if (at < tokens.size() && CLASSES.contains(tokens.get(at).toUpperCase(Locale.ROOT))) {
                at++;
            }
            if (at >= tokens.size()) {
                throw new IllegalArgumentException("no record type after " + name);
            }
            Type type;
            try {
                type = Type.valueOf(tokens.get(at).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown record type " + tokens.get(at));
            }
            List<String> data = tokens.subList(at + 1, tokens.size());
            switch (type) {
                case A, AAAA -> {
                    InetAddress address = Builder.literal(single(data, type));
                    if ((address instanceof Inet6Address) != (type == Type.AAAA)) {
                        throw new IllegalArgumentException(type + " record with address " + data.getFirst());
                    }
                    builder.add(name, type, address);
                }
                case MX -> {
                    if (data.size() != 2 || !data.get(0).matches("\\d{1,5}")) {
                        throw new IllegalArgumentException("MX wants a preference and a host");
                    }
                    builder.mx(name, Integer.parseInt(data.get(0)), data.get(1));
                }
                case TXT -> {
                    if (data.isEmpty()) {
                        throw new IllegalArgumentException("TXT without a value");
                    }
                    StringBuilder value = new StringBuilder();
                    data.forEach(part -> value.append(unquote(part)));
                    builder.txt(name, value.toString());
                }
                case PTR -> builder.add(name, Type.PTR, normalise(single(data, type)));
                case CNAME -> builder.cname(name, single(data, type));
                case SERVFAIL -> {
                    if (!data.isEmpty()) {
                        throw new IllegalArgumentException("SERVFAIL takes no data");
                    }
                    builder.servfail(name);
                }
            }
        }

        private static String single(List<String> data, Type type) {
            if (data.size() != 1) {
                throw new IllegalArgumentException(type + " wants exactly one value");
            }
            return unquote(data.getFirst());
        }

        /** Quoted tokens keep their quote as a marker (so {@code "IN"} stays data); this removes it. */
        private static String unquote(String token) {
            return token.startsWith("\u0000") ? token.substring(1) : token;
        }

        /** Splits a line into tokens; returns the parenthesis depth at its end. */
        private static int tokenize(String line, List<String> tokens, int depth, int lineNumber) {
            int i = 0;
            int n = line.length();
            if (depth == 0 && line.stripLeading().startsWith("#")) {
                return 0;
            }
            while (i < n) {
                char c = line.charAt(i);
                if (c == ';') {
                    break;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(') {
                    depth++;
                    i++;
                } else if (c == ')') {
                    if (depth == 0) {
                        throw new IllegalArgumentException("DNS zone line " + lineNumber + ": unexpected ')'");
                    }
                    depth--;
                    i++;
                } else if (c == '"') {
                    StringBuilder value = new StringBuilder("\u0000");
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char q = line.charAt(i);
                        if (q == '\\' && i + 1 < n) {
                            if (i + 3 < n && Character.isDigit(line.charAt(i + 1))
                                    && line.substring(i + 1, i + 4).matches("\\d{3}")) {
                                value.append((char) Integer.parseInt(line.substring(i + 1, i + 4)));
                                i += 4;
                            } else {
                                value.append(line.charAt(i + 1));
                                i += 2;
                            }
                        } else if (q == '"') {
                            closed = true;
                            i++;
                            break;
                        } else {
                            value.append(q);
                            i++;
                        }
                    }
                    if (!closed) {
                        throw new IllegalArgumentException("DNS zone line " + lineNumber + ": unclosed quote");
                    }
                    tokens.add(value.toString());
                } else {
                    int start = i;
                    while (i < n && !Character.isWhitespace(line.charAt(i)) && "();\"".indexOf(line.charAt(i)) < 0) {
                        i++;
                    }
                    tokens.add(line.substring(start, i));
                }
            }
            return depth;
        }
    }
}
