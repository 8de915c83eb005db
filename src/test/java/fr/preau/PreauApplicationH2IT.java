package fr.preau;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.platform.PreauProperties;
import fr.preau.testsupport.H2Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@H2Context
@TestPropertySource(properties = "preau.login.lock-after-failures=7")
class PreauApplicationH2IT extends PreauApplicationContract {

    @Autowired PreauProperties properties;

    @Test
    void runsOnItsOwnInMemoryDatabaseWithTheTestConfiguration() {
        assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:h2:mem:preau_ctx_");
        assertThat(properties.argon2().memoryKib()).isEqualTo(64);
        assertThat(properties.login().maxDelay()).isZero();
        assertThat(properties.web().secureCookies()).isFalse();
        assertThat(properties.login().lockAfterFailures()).as("the test's own properties win").isEqualTo(7);
    }
}
