package fr.preau.delivery.internal.outbound;

import fr.preau.delivery.internal.dns.Dns;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A test-only {@link Dns} answering from maps filled by the test: MX and address records, and
 * names whose lookup fails for now. Anything else does not exist.
 */
final class MapDns implements Dns {

    private final Map<String, List<MxRecord>> mx = new HashMap<>();
    private final Map<String, List<InetAddress>> addresses = new HashMap<>();
    private final Set<String> failing = new HashSet<>();

    MapDns mx(String domain, int preference, String host) {
        mx.computeIfAbsent(key(domain), k -> new ArrayList<>()).add(new MxRecord(preference, host));
        return this;
    }

    MapDns address(String host, String ip) {
        try {
            addresses.computeIfAbsent(key(host), k -> new ArrayList<>()).add(InetAddress.getByName(ip));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
        return this;
    }

    /** Lookups of {@code name} throw {@link TemporaryFailure}. */
    MapDns failing(String name) {
        failing.add(key(name));
        return this;
    }

    @Override
    public List<MxRecord> mx(String domain) {
        check(domain);
        List<MxRecord> records = new ArrayList<>(mx.getOrDefault(key(domain), List.of()));
        records.sort(java.util.Comparator.comparingInt(MxRecord::preference));
        return records;
    }

    @Override
    public List<String> txt(String name) {
        check(name);
        return List.of();
    }

    @Override
    public List<InetAddress> addresses(String host) {
        check(host);
        return List.copyOf(addresses.getOrDefault(key(host), List.of()));
    }

    @Override
    public List<String> reverse(InetAddress address) {
        return List.of();
    }

    private void check(String name) {
        if (failing.contains(key(name))) {
            throw new TemporaryFailure("SERVFAIL for " + name, null);
        }
    }

    private static String key(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
