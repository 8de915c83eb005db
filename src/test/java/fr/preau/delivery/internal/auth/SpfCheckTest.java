package fr.preau.delivery.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.internal.dns.StaticDns;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPF mechanisms and results against a local zone, table-driven. */
class SpfCheckTest {

    private static final StringBuilder LIMIT = new StringBuilder();

    static {
        // eleven DNS-querying terms: one over RFC 7208's limit of 10
        StringBuilder record = new StringBuilder("toomany.example. TXT \"v=spf1");
        for (int i = 0; i < 11; i++) {
            record.append(" a:h").append(i).append(".toomany.example");
        }
        LIMIT.append(record).append(" -all\"\n");
        // ten: still allowed
        StringBuilder ten = new StringBuilder("ten.example. TXT \"v=spf1");
        for (int i = 0; i < 9; i++) {
            ten.append(" a:h").append(i).append(".toomany.example");
        }
        LIMIT.append(ten).append(" a:ok.example -all\"\n");
    }

    static final StaticDns DNS = StaticDns.parse("""
            ip4.example.        TXT  "v=spf1 ip4:192.0.2.1 ip4:198.51.100.0/24 -all"
            soft.example.       TXT  "v=spf1 ip4:192.0.2.1 ~all"
            neutral.example.    TXT  "v=spf1 ip4:192.0.2.1 ?all"
            open.example.       TXT  "v=spf1 +all"
            ip6.example.        TXT  "v=spf1 ip6:2001:db8::/32 -all"
            a.example.          TXT  "v=spf1 a -all"
            a.example.          A    192.0.2.10
            a.example.          AAAA 2001:db8:a::10
            acidr.example.      TXT  "v=spf1 a:host.acidr.example/24 -all"
            host.acidr.example. A    203.0.113.5
            mx.example.         TXT  "v=spf1 mx -all"
            mx.example.         MX   10 mail.mx.example.
            mail.mx.example.    A    192.0.2.20
            mxother.example.    TXT  "v=spf1 mx:mx.example -all"
            include.example.    TXT  "v=spf1 include:ip4.example -all"
            badinclude.example. TXT  "v=spf1 include:nospf.example -all"
            nospf.example.      TXT  "google-site-verification=abc"
            exists.example.     TXT  "v=spf1 exists:%{i}.allow.exists.example -all"
            192.0.2.30.allow.exists.example. A 127.0.0.2
            redirect.example.   TXT  "v=spf1 redirect=ip4.example"
            two.example.        TXT  "v=spf1 -all"
            two.example.        TXT  "v=spf1 +all"
            syntax.example.     TXT  "v=spf1 ip4:not-an-address -all"
            unknownmech.example. TXT "v=spf1 foo:bar -all"
            exp.example.        TXT  "v=spf1 ip4:192.0.2.1 -all exp=why.exp.example"
            why.exp.example.    TXT  "%{i} may not send for %{d}"
            broken.example.     SERVFAIL
            includebroken.example. TXT "v=spf1 include:broken.example -all"
            ok.example.         A    192.0.2.99
            macro.example.      TXT  "v=spf1 exists:%{l}.users.macro.example -all"
            jdupont.users.macro.example. A 127.0.0.2
            helo.example.       TXT  "v=spf1 ip4:192.0.2.40 -all"
            """ + LIMIT);

    private final SpfCheck spf = new SpfCheck(DNS, "mx.ac-dijon.fr");

    @ParameterizedTest(name = "{0} from {1} → {2}")
    @CsvSource(textBlock = """
            ip4.example,          192.0.2.1,        PASS
            ip4.example,          198.51.100.77,    PASS
            ip4.example,          203.0.113.1,      FAIL
            soft.example,         203.0.113.1,      SOFTFAIL
            neutral.example,      203.0.113.1,      NEUTRAL
            open.example,         203.0.113.1,      PASS
            ip6.example,          2001:db8:1::2,    PASS
            ip6.example,          2001:db9::2,      FAIL
            ip6.example,          192.0.2.1,        FAIL
            a.example,            192.0.2.10,       PASS
            a.example,            2001:db8:a::10,   PASS
            a.example,            192.0.2.11,       FAIL
            acidr.example,        203.0.113.200,    PASS
            acidr.example,        203.0.114.1,      FAIL
            mx.example,           192.0.2.20,       PASS
            mx.example,           192.0.2.21,       FAIL
            mxother.example,      192.0.2.20,       PASS
            include.example,      192.0.2.1,        PASS
            include.example,      203.0.113.1,      FAIL
            badinclude.example,   192.0.2.1,        PERMERROR
            exists.example,       192.0.2.30,       PASS
            exists.example,       192.0.2.31,       FAIL
            redirect.example,     198.51.100.1,     PASS
            redirect.example,     203.0.113.1,      FAIL
            nospf.example,        192.0.2.1,        NONE
            nowhere.example,      192.0.2.1,        NONE
            two.example,          192.0.2.1,        PERMERROR
            syntax.example,       192.0.2.1,        PERMERROR
            unknownmech.example,  192.0.2.1,        PERMERROR
            broken.example,       192.0.2.1,        TEMPERROR
            includebroken.example, 192.0.2.1,       TEMPERROR
            toomany.example,      192.0.2.99,       PERMERROR
            ten.example,          192.0.2.99,       PASS
            """)
    void mechanisms(String domain, String client, SpfResult.Result expected) throws Exception {
        SpfResult result = spf.check(InetAddress.getByName(client), "someone@" + domain, "client.example.net");
        assertThat(result.result()).isEqualTo(expected);
        assertThat(result.identity()).isEqualTo(SpfResult.Identity.MAILFROM);
        assertThat(result.domain()).isEqualTo(domain);
    }

    @Test
    void macrosExpandTheLocalPart() throws Exception {
        InetAddress client = InetAddress.getByName("192.0.2.1");
        assertThat(spf.check(client, "jdupont@macro.example", "h.example").result()).isEqualTo(SpfResult.Result.PASS);
        assertThat(spf.check(client, "other@macro.example", "h.example").result()).isEqualTo(SpfResult.Result.FAIL);
    }

    @Test
    void aFailCarriesTheDomainsExplanation() throws Exception {
        SpfResult result = spf.check(InetAddress.getByName("203.0.113.9"), "x@exp.example", "h.example");
        assertThat(result.result()).isEqualTo(SpfResult.Result.FAIL);
        assertThat(result.explanation()).isEqualTo("203.0.113.9 may not send for exp.example");
        SpfResult plain = spf.check(InetAddress.getByName("203.0.113.9"), "x@ip4.example", "h.example");
        assertThat(plain.explanation()).isEqualTo("203.0.113.9 is not one of ip4.example's designated mail servers");
    }

    @Test
    void theNullSenderIsCheckedOnTheHeloName() throws Exception {
        SpfResult pass = spf.check(InetAddress.getByName("192.0.2.40"), "", "helo.example");
        assertThat(pass).isEqualTo(new SpfResult(SpfResult.Result.PASS, SpfResult.Identity.HELO, "helo.example", ""));
        assertThat(spf.check(InetAddress.getByName("192.0.2.41"), null, "helo.example").result())
                .isEqualTo(SpfResult.Result.FAIL);
        assertThat(spf.check(InetAddress.getByName("192.0.2.41"), "", "[192.0.2.41]").result())
                .as("address literal").isEqualTo(SpfResult.Result.NONE);
        assertThat(spf.check(InetAddress.getByName("192.0.2.41"), "", "localhost").result())
                .isEqualTo(SpfResult.Result.NONE);
    }

    @Test
    void oddInputIsNoneRatherThanACrash() throws Exception {
        InetAddress client = InetAddress.getByName("192.0.2.1");
        assertThat(spf.check(client, "no-domain", "h.example").result()).isEqualTo(SpfResult.Result.NONE);
        assertThat(spf.check(client, "x@", "h.example").result()).isEqualTo(SpfResult.Result.NONE);
        assertThat(spf.check(client, "x@bad domain.example", "h.example").result())
                .isIn(SpfResult.Result.NONE, SpfResult.Result.PERMERROR);
    }

    @Test
    void anIpv4MappedClientIsCheckedAsIpv4() throws Exception {
        InetAddress mapped = InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff,
                (byte) 0xff, (byte) 192, 0, 2, 1});
        assertThat(spf.check(mapped, "a@ip4.example", "h.example").result()).isEqualTo(SpfResult.Result.PASS);
    }
}
