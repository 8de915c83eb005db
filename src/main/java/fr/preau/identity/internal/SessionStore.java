package fr.preau.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Direct access to the shared HTTP session table (Spring Session JDBC), so that suspending
 * or deleting an account ends its sessions at once, from the server or from the command
 * line alike.
 */
@Component
public class SessionStore {

    private final JdbcClient jdbc;

    public SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ends every session of the identifiant; returns how many there were. */
    public int endAll(String login) {
        return jdbc.sql("delete from spring_session where principal_name = ?").param(login).update();
    }
}
