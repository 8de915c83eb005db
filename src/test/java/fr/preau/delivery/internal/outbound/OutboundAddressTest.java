package fr.preau.delivery.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundAddressTest {

    @ParameterizedTest
    @CsvSource({
            "Jean.Dupont@AC-Dijon.FR,     Jean.Dupont@ac-dijon.fr,      ac-dijon.fr",
            "<ami@example.org>,           ami@example.org,              example.org",
            "x@bücher.de,                 x@xn--bcher-kva.de,           xn--bcher-kva.de",
            "postmaster@[192.0.2.1],      postmaster@[192.0.2.1],       [192.0.2.1]",
            "\"a@b\"@example.org,         \"a@b\"@example.org,          example.org",
            "a@example.org.,              a@example.org,                example.org",
    })
    void keepsTheLocalPartAndNormalisesTheDomain(String given, String address, String domain) {
        OutboundAddress parsed = OutboundAddress.parse(given);
        assertThat(parsed.address()).isEqualTo(address);
        assertThat(parsed.domain()).isEqualTo(domain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nobody", "@example.org", "a@", "a b@example.org", "a@b.fr>", "a@b.fr\r\nRSET",
            "a\u0000@b.fr"})
    void refusesWhatCannotBeAPath(String given) {
        assertThatThrownBy(() -> OutboundAddress.parse(given)).isInstanceOf(IllegalArgumentException.class);
    }
}
