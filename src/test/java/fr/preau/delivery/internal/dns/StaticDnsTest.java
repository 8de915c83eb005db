package fr.preau.delivery.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaticDnsTest {

    static final String ZONE = """
            ; the demo's zone
            # a comment line too
            example.org.                 TXT   "v=spf1 ip4:192.0.2.1 -all"  ; trailing comment
            example.org.                 TXT   "other; with a semicolon" "and \\"quotes\\""
            Example.org                  MX    20 mx2.example.org.
            example.org.                 MX    10 MX1.example.org.
            mx1.example.org.     3600 IN A     192.0.2.1
            mx1.example.org.             A     192.0.2.2
            mx1.example.org.             AAAA  2001:db8::1
            1.2.0.192.in-addr.arpa.      PTR   mx1.example.org.
            1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. PTR mx1.example.org.
            www.example.org.             CNAME mx1.example.org.
            sel._domainkey.example.org.  IN TXT ( "v=DKIM1; k=rsa; "
                                                  "p=MIIBIjANBg" )
            loop1.example.org.           CNAME loop2.example.org.
            loop2.example.org.           CNAME loop1.example.org.
            broken.example.              SERVFAIL
            """;

    private final StaticDns dns = StaticDns.parse(ZONE);

    @Test
    void answersEachTypeOfRecord() throws Exception {
        assertThat(dns.txt("example.org")).containsExactly("v=spf1 ip4:192.0.2.1 -all",
                "other; with a semicolonand \"quotes\"");
        assertThat(dns.mx("example.org.")).containsExactly(
                new Dns.MxRecord(10, "mx1.example.org"), new Dns.MxRecord(20, "mx2.example.org"));
        assertThat(dns.addresses("MX1.example.org")).containsExactly(InetAddress.getByName("192.0.2.1"),
                InetAddress.getByName("192.0.2.2"), InetAddress.getByName("2001:db8::1"));
        assertThat(dns.reverse(InetAddress.getByName("192.0.2.1"))).containsExactly("mx1.example.org");
        assertThat(dns.reverse(InetAddress.getByName("2001:db8::1"))).containsExactly("mx1.example.org");
        assertThat(dns.txt("sel._domainkey.example.org")).as("strings joined, across lines")
                .containsExactly("v=DKIM1; k=rsa; p=MIIBIjANBg");
    }

    @Test
    void followsCnames() throws Exception {
        assertThat(dns.addresses("www.example.org")).contains(InetAddress.getByName("192.0.2.1"));
        assertThat(dns.txt("www.example.org")).isEmpty();
        assertThatThrownBy(() -> dns.txt("loop1.example.org")).isInstanceOf(Dns.TemporaryFailure.class);
    }

    @Test
    void unknownNamesAndTypesAreEmpty() throws Exception {
        assertThat(dns.txt("nowhere.example")).isEmpty();
        assertThat(dns.mx("mx1.example.org")).isEmpty();
        assertThat(dns.addresses("example.org")).isEmpty();
        assertThat(dns.reverse(InetAddress.getByName("198.51.100.1"))).isEmpty();
        assertThat(StaticDns.empty().mx("example.org")).isEmpty();
    }

    @Test
    void servfailNamesFailTemporarilyForEveryType() {
        assertThatThrownBy(() -> dns.txt("broken.example")).isInstanceOf(Dns.TemporaryFailure.class);
        assertThatThrownBy(() -> dns.mx("BROKEN.example.")).isInstanceOf(Dns.TemporaryFailure.class);
        assertThatThrownBy(() -> dns.addresses("broken.example")).isInstanceOf(Dns.TemporaryFailure.class);
    }

    @Test
    void buildsInCode() throws Exception {
        StaticDns built = StaticDns.builder()
                .txt("example.org", "v=spf1 -all")
                .mx("example.org", 5, "mx.example.org.")
                .a("mx.example.org", "127.0.0.1", "::1")
                .ptr("127.0.0.1", "mx.example.org")
                .cname("alias.example.org", "mx.example.org")
                .servfail("down.example")
                .zone("more.example. TXT \"from zone text\"")
                .build();
        assertThat(built.txt("example.org.")).containsExactly("v=spf1 -all");
        assertThat(built.mx("example.org")).containsExactly(new Dns.MxRecord(5, "mx.example.org"));
        assertThat(built.addresses("alias.example.org")).containsExactly(
                InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
        assertThat(built.reverse(InetAddress.getByName("127.0.0.1"))).containsExactly("mx.example.org");
        assertThat(built.txt("more.example")).containsExactly("from zone text");
        assertThatThrownBy(() -> built.txt("down.example")).isInstanceOf(Dns.TemporaryFailure.class);
    }

    @Test
    void loadsAZoneFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("zone.txt");
        Files.writeString(file, ZONE);
        assertThat(StaticDns.load(file).mx("example.org")).hasSize(2);
    }

    @Test
    void theConfigurationPicksTheImplementation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("zone.txt");
        Files.writeString(file, ZONE);
        Dns fromFile = DnsConfiguration.create(new DnsProperties(DnsProperties.Mode.STATIC, file.toString(),
                Duration.ofSeconds(5), null));
        assertThat(fromFile).isInstanceOf(StaticDns.class);
        assertThat(fromFile.txt("example.org")).hasSize(2);
        assertThat(DnsConfiguration.create(new DnsProperties(DnsProperties.Mode.STATIC, "", Duration.ofSeconds(5), null))
                .txt("example.org")).isEmpty();
        assertThatThrownBy(() -> DnsConfiguration.create(new DnsProperties(DnsProperties.Mode.STATIC,
                dir.resolve("missing").toString(), Duration.ofSeconds(5), null)))
                .hasMessageContaining("does not exist");
        assertThat(DnsConfiguration.create(new DnsProperties(DnsProperties.Mode.SYSTEM, null, Duration.ofSeconds(5),
                List.of("127.0.0.1:5353", "[::1]:53", "192.0.2.53")))).isInstanceOf(SystemDns.class);
        assertThat(DnsProperties.address("[::1]:5300").getPort()).isEqualTo(5300);
        assertThat(DnsProperties.address("192.0.2.53").getPort()).isEqualTo(53);
        assertThatThrownBy(() -> DnsProperties.address("resolver.example:53")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            example.org. WKS 1                  | unknown record type WKS
            example.org. A 192.0.2.300          | Not an IP address
            example.org. A 2001:db8::1          | A record with address
            example.org. AAAA 192.0.2.1         | AAAA record with address
            example.org. A host.example         | Not an IP address
            example.org. MX mx.example.org.     | MX wants a preference and a host
            example.org. TXT "unclosed          | unclosed quote
            example.org. TXT ( "a"              | unclosed parenthesis
            example.org. TXT "a" )              | unexpected ')'
            example.org.                        | no record type
            example.org. TXT                    | TXT without a value
            example.org. SERVFAIL now           | SERVFAIL takes no data
            """)
    void rejectsBadLinesNamingThem(String line, String message) {
        assertThatThrownBy(() -> StaticDns.parse("; first\n" + line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining(message);
    }

    @Test
    void aCnameStandsAlone() {
        assertThatThrownBy(() -> StaticDns.parse("a.example. CNAME b.example.\na.example. TXT \"x\""))
                .hasMessageContaining("CNAME");
    }

    @Test
    void reverseNames() throws Exception {
        assertThat(StaticDns.reverseName(InetAddress.getByName("192.0.2.1"))).isEqualTo("1.2.0.192.in-addr.arpa");
        assertThat(StaticDns.reverseName(InetAddress.getByName("2001:db8::1")))
                .isEqualTo("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
    }
}
