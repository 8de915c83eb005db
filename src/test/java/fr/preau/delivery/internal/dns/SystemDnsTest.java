package fr.preau.delivery.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * {@link SystemDns} against a real DNS server on 127.0.0.1 ({@link LocalDnsServer}): how
 * answers, NXDOMAIN, NODATA, SERVFAIL, silence and an absent server come out, and the cache.
 */
class SystemDnsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private LocalDnsServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private SystemDns dns(LocalDnsServer.Handler handler) throws Exception {
        server = new LocalDnsServer(handler);
        return new SystemDns(List.of(server.address()), TIMEOUT);
    }

    private static Name name(String n) {
        return Name.fromConstantString(n);
    }

    private static SOARecord soa(long minimum) {
        return new SOARecord(name("example.org."), DClass.IN, 3600, name("ns.example.org."),
                name("hostmaster.example.org."), 1, 3600, 600, 86400, minimum);
    }

    /** A small zone served the way a recursive resolver answers. */
    private static Message example(Message query) {
        Record q = query.getQuestion();
        String n = q.getName().toString().toLowerCase();
        int type = q.getType();
        try {
            return switch (n + " " + Type.string(type)) {
                case "example.org. MX" -> LocalDnsServer.noError(query,
                        new MXRecord(q.getName(), DClass.IN, 300, 20, name("mx2.example.org.")),
                        new MXRecord(q.getName(), DClass.IN, 300, 10, name("mx1.example.org.")));
                case "example.org. TXT" -> LocalDnsServer.noError(query,
                        new TXTRecord(q.getName(), DClass.IN, 300, List.of("v=spf1 ", "ip4:192.0.2.1 -all")),
                        new TXTRecord(q.getName(), DClass.IN, 300, "google-site-verification=x"));
                case "mx1.example.org. A" -> LocalDnsServer.noError(query,
                        new ARecord(q.getName(), DClass.IN, 300, InetAddress.getByName("192.0.2.1")));
                case "mx1.example.org. AAAA" -> LocalDnsServer.noError(query,
                        new AAAARecord(q.getName(), DClass.IN, 300, InetAddress.getByName("2001:db8::1")));
                case "www.example.org. A" -> LocalDnsServer.noError(query,
                        new CNAMERecord(q.getName(), DClass.IN, 300, name("mx1.example.org.")),
                        new ARecord(name("mx1.example.org."), DClass.IN, 300, InetAddress.getByName("192.0.2.1")));
                case "1.2.0.192.in-addr.arpa. PTR" -> LocalDnsServer.noError(query,
                        new PTRRecord(q.getName(), DClass.IN, 300, name("mx1.example.org.")));
                case "zero.example.org. TXT" -> LocalDnsServer.noError(query,
                        new TXTRecord(q.getName(), DClass.IN, 0, "short-lived"));
                case "broken.example.org. TXT" -> LocalDnsServer.reply(query, Rcode.SERVFAIL);
                case "refused.example.org. TXT" -> LocalDnsServer.reply(query, Rcode.REFUSED);
                case "silent.example.org. TXT" -> null;
                default -> n.endsWith("example.org.") && !n.startsWith("nowhere")
                        ? LocalDnsServer.noError(query, soa(120))           // NODATA
                        : LocalDnsServer.reply(query, Rcode.NXDOMAIN, soa(120));
            };
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void answersTheRecordsOfEachType() throws Exception {
        SystemDns dns = dns(SystemDnsTest::example);
        assertThat(dns.mx("example.org")).containsExactly(
                new Dns.MxRecord(10, "mx1.example.org"), new Dns.MxRecord(20, "mx2.example.org"));
        assertThat(dns.txt("Example.ORG.")).containsExactlyInAnyOrder(
                "v=spf1 ip4:192.0.2.1 -all", "google-site-verification=x");
        assertThat(dns.addresses("mx1.example.org")).containsExactly(
                InetAddress.getByName("192.0.2.1"), InetAddress.getByName("2001:db8::1"));
        assertThat(dns.addresses("www.example.org")).as("through the CNAME")
                .contains(InetAddress.getByName("192.0.2.1"));
        assertThat(dns.reverse(InetAddress.getByName("192.0.2.1"))).containsExactly("mx1.example.org");
    }

    @Test
    void aNameThatDoesNotExistOrHasNoSuchRecordIsAnEmptyList() throws Exception {
        SystemDns dns = dns(SystemDnsTest::example);
        assertThat(dns.txt("nowhere.example")).as("NXDOMAIN").isEmpty();
        assertThat(dns.mx("mx1.example.org")).as("NODATA").isEmpty();
        assertThat(dns.addresses("nowhere.example")).isEmpty();
        assertThat(dns.reverse(InetAddress.getByName("198.51.100.7"))).isEmpty();
    }

    @Test
    void servfailRefusedAndSilenceAreTemporaryFailures() throws Exception {
        SystemDns dns = dns(SystemDnsTest::example);
        assertThatThrownBy(() -> dns.txt("broken.example.org")).isInstanceOf(Dns.TemporaryFailure.class)
                .hasMessageContaining("SERVFAIL");
        assertThatThrownBy(() -> dns.txt("refused.example.org")).isInstanceOf(Dns.TemporaryFailure.class)
                .hasMessageContaining("REFUSED");
        assertThatThrownBy(() -> dns.txt("silent.example.org")).isInstanceOf(Dns.TemporaryFailure.class);
    }

    @Test
    void aResolverThatIsNotThereIsATemporaryFailure() throws Exception {
        InetSocketAddress nobody;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            nobody = (InetSocketAddress) probe.getLocalSocketAddress();
        }
        SystemDns dns = new SystemDns(List.of(nobody), TIMEOUT);
        assertThatThrownBy(() -> dns.txt("example.org")).isInstanceOf(Dns.TemporaryFailure.class);
        assertThatThrownBy(() -> dns.mx("example.org")).isInstanceOf(Dns.TemporaryFailure.class);
    }

    @Test
    void aNameThatCannotExistIsEmptyWithoutAsking() throws Exception {
        SystemDns dns = dns(SystemDnsTest::example);
        assertThat(dns.txt("a".repeat(64) + ".example.org")).isEmpty();
        assertThat(dns.txt("")).isEmpty();
        assertThat(server.questions).isEmpty();
    }

    @Test
    void cachesAnswersForTheirTtlButNeverFailures() throws Exception {
        SystemDns dns = dns(SystemDnsTest::example);
        dns.txt("example.org");
        dns.txt("EXAMPLE.org.");
        assertThat(server.asked("example.org. TXT")).isEqualTo(1);

        dns.txt("nowhere.example");
        dns.txt("nowhere.example");
        assertThat(server.asked("nowhere.example. TXT")).as("negative answers too").isEqualTo(1);

        dns.txt("zero.example.org");
        dns.txt("zero.example.org");
        assertThat(server.asked("zero.example.org. TXT")).as("TTL 0").isEqualTo(2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> dns.txt("broken.example.org")).isInstanceOf(Dns.TemporaryFailure.class);
        }
        assertThat(server.asked("broken.example.org. TXT")).isGreaterThanOrEqualTo(2);
    }
}
