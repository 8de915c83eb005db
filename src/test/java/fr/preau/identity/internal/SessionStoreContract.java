package fr.preau.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.testsupport.DatabaseContract;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class SessionStoreContract extends DatabaseContract {

    private SessionStore sessions;

    @BeforeEach
    void setUp() {
        sessions = new SessionStore(db.jdbc());
    }

    /** A session row as Spring Session JDBC writes it, with one attribute. */
    private void session(String principal) {
        String primary = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        db.jdbc().sql("""
                insert into spring_session (primary_id, session_id, creation_time, last_access_time,
                                            max_inactive_interval, expiry_time, principal_name)
                values (?, ?, ?, ?, 1800, ?, ?)""")
                .params(primary, UUID.randomUUID().toString(), now, now, now + 1_800_000, principal).update();
        db.jdbc().sql("insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes) values (?, ?, ?)")
                .params(primary, "SPRING_SECURITY_CONTEXT", new byte[] {1, 2, 3}).update();
    }

    @Test
    void endsEverySessionOfAnIdentifiantAndTheirAttributes() {
        session("jdupont");
        session("jdupont");
        session("mmartin");
        session(null);
        assertThat(sessions.endAll("jdupont")).isEqualTo(2);
        assertThat(db.count("spring_session")).isEqualTo(2);
        assertThat(db.count("spring_session_attributes")).as("cascaded").isEqualTo(2);
        assertThat(sessions.endAll("jdupont")).isZero();
        assertThat(sessions.endAll("nobody")).isZero();
    }
}
