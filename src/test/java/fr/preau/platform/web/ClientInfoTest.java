package fr.preau.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientInfoTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0:0:0:0:0:0:0:1|::1",
            "2001:db8:0:0:0:0:2:1|2001:db8::2:1",
            "2001:0db8:0000:0000:0001:0000:0000:0001|2001:db8::1:0:0:1",
            "fe80:0:0:0:200:5efe:c0a8:101|fe80::200:5efe:c0a8:101",
            "2001:db8:1:2:3:4:5:6|2001:db8:1:2:3:4:5:6",
            "0:0:0:0:0:0:0:0|::",
            "1:0:0:0:0:0:0:0|1::",
            "192.0.2.10|192.0.2.10",
            "::1|::1",
    })
    void ipv6AddressesAreShownInTheirShortForm(String address, String shown) {
        assertThat(ClientInfo.compact(address)).isEqualTo(shown);
    }
}
