package fr.preau;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.testsupport.PostgresContext;
import org.junit.jupiter.api.Test;

@PostgresContext
class PreauApplicationPostgresIT extends PreauApplicationContract {

    @Test
    void runsOnAPostgresDatabaseMadeForIt() {
        assertThat(jdbc.sql("select current_database()").query(String.class).single())
                .isEqualTo(environment.getProperty("preau.test.database"))
                .startsWith("preau_test_");
    }
}
