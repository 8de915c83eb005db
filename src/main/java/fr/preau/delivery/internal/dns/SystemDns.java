package fr.preau.delivery.internal.dns;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS on real resolvers (dnsjava): those of the system configuration ({@code /etc/resolv.conf})
 * or the ones configured. Each query waits a few seconds at most; answers are kept in a small
 * cache for their TTL (at most an hour), "no such name" and "no such record" for the zone's
 * negative TTL (at most 15 minutes); failures are never cached.
 *
 * <p>NXDOMAIN and NODATA give an empty list; SERVFAIL, REFUSED, a timeout or an unreachable
 * resolver throw {@link Dns.TemporaryFailure}. The resolvers must be recursive (the system's
 * usually are): CNAME chains are taken from their answer.
 */
public final class SystemDns implements Dns {

    static final Duration MAX_TTL = Duration.ofHours(1);
    static final Duration MAX_NEGATIVE_TTL = Duration.ofMinutes(15);
    private static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofMinutes(1);

    private final Resolver resolver;
    private final Cache<Question, Answer> cache;

    /** Queries the given resolvers in turn, each for at most {@code timeout}. */
    public SystemDns(List<InetSocketAddress> servers, Duration timeout) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("No DNS resolver given");
        }
        List<Resolver> resolvers = new ArrayList<>();
        for (InetSocketAddress server : servers) {
            SimpleResolver simple = new SimpleResolver(server);
            simple.setTimeout(timeout);
            resolvers.add(simple);
        }
        ExtendedResolver extended = new ExtendedResolver(resolvers);
        extended.setTimeout(timeout);
        extended.setRetries(1);
        extended.setLoadBalance(false);
        this.resolver = extended;
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfter(Expiry.<Question, Answer>creating((question, answer) -> answer.ttl()))
                .build();
    }

    /** The resolvers of the system configuration. */
    public static SystemDns fromSystemConfiguration(Duration timeout) {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        return new SystemDns(servers.isEmpty() ? List.of(new InetSocketAddress("127.0.0.1", 53)) : servers, timeout);
    }

    @Override
    public List<MxRecord> mx(String domain) {
        List<MxRecord> records = new ArrayList<>();
        for (Record r : query(domain, Type.MX)) {
            MXRecord mx = (MXRecord) r;
            records.add(new MxRecord(mx.getPriority(), withoutDot(mx.getTarget())));
        }
        records.sort(Comparator.comparingInt(MxRecord::preference));
        return List.copyOf(records);
    }

    @Override
    public List<String> txt(String name) {
        List<String> values = new ArrayList<>();
        for (Record r : query(name, Type.TXT)) {
            values.add(String.join("", ((TXTRecord) r).getStrings()));
        }
        return List.copyOf(values);
    }

    @Override
    public List<InetAddress> addresses(String host) {
        List<InetAddress> addresses = new ArrayList<>();
        for (Record r : query(host, Type.A)) {
            addresses.add(((ARecord) r).getAddress());
        }
        for (Record r : query(host, Type.AAAA)) {
            addresses.add(((AAAARecord) r).getAddress());
        }
        return List.copyOf(addresses);
    }

    @Override
    public List<String> reverse(InetAddress address) {
        List<String> names = new ArrayList<>();
        for (Record r : query(StaticDns.reverseName(address), Type.PTR)) {
            names.add(withoutDot(((PTRRecord) r).getTarget()));
        }
        return List.copyOf(names);
    }

    private List<Record> query(String name, int type) {
        Name absolute;
        try {
            String n = StaticDns.normalise(name);
            if (n.isEmpty()) {
                return List.of();
            }
            absolute = Name.fromString(n + ".");
        } catch (TextParseException e) {
            return List.of(); // not a valid domain name: it cannot exist
        }
        Question question = new Question(absolute.toString().toLowerCase(Locale.ROOT), type);
        Answer cached = cache.getIfPresent(question);
        if (cached != null) {
            return cached.records();
        }
        Answer answer = ask(absolute, type);
        cache.put(question, answer);
        return answer.records();
    }

    private Answer ask(Name name, int type) {
        Message response;
        try {
            response = resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
        } catch (IOException e) {
            throw new TemporaryFailure("DNS " + Type.string(type) + " lookup of " + name + " failed: " + e.getMessage(), e);
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return new Answer(List.of(), negativeTtl(response));
        }
        if (rcode != Rcode.NOERROR) {
            throw new TemporaryFailure("DNS " + Type.string(type) + " lookup of " + name + ": " + Rcode.string(rcode));
        }
        List<Record> records = new ArrayList<>();
        long ttl = MAX_TTL.toSeconds();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r.getType() == type) {
                records.add(r);
                ttl = Math.min(ttl, r.getTTL());
            }
        }
        if (records.isEmpty()) {
            return new Answer(List.of(), negativeTtl(response));
        }
        return new Answer(List.copyOf(records), Duration.ofSeconds(Math.max(0, ttl)));
    }

    private static Duration negativeTtl(Message response) {
        for (Record r : response.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord soa) {
                long seconds = Math.min(soa.getMinimum(), soa.getTTL());
                return Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_NEGATIVE_TTL.toSeconds())));
            }
        }
        return DEFAULT_NEGATIVE_TTL;
    }

    private static String withoutDot(Name name) {
        return StaticDns.normalise(name.toString());
    }

    private record Question(String name, int type) {}

    private record Answer(List<Record> records, Duration ttl) {}
}
