package fr.preau.platform.internal;

import fr.preau.platform.EventBus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event bus over PostgreSQL's LISTEN/NOTIFY: {@code pg_notify} inside the publisher's
 * transaction (PostgreSQL delivers it at commit, to every node), and one listening connection
 * per process, outside the pool, re-opened when it breaks.
 */
public final class PostgresEventBus implements EventBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresEventBus.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final EventDispatch dispatch = new EventDispatch();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private Thread listener;
    private volatile boolean running = true;

    public PostgresEventBus(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public void publish(String channel, String payload) {
        EventDispatch.check(channel, payload);
        jdbc.sql("select pg_notify(?, ?)").params("preau_" + channel, payload).query(Object.class).optional();
    }

    @Override
    public Subscription subscribe(String channel, Consumer<String> listener) {
        Subscription subscription = dispatch.subscribe(channel, listener);
        channels.add(channel);
        synchronized (this) {
            // the listening connection is opened by the first subscriber (a one-shot admin command has none)
            if (this.listener == null && running) {
                this.listener = Thread.ofPlatform().daemon().name("preau-pg-listen").start(this::listen);
            }
        }
        return subscription;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                listening.clear();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    for (String channel : channels) {
                        if (listening.add(channel)) {
                            try (Statement statement = connection.createStatement()) {
                                statement.execute("listen preau_" + channel);
                            }
                        }
                    }
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (Thread.interrupted() && !running) {
                        return;
                    }
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            dispatch.dispatch(n.getName().substring("preau_".length()), n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Event listener connection lost ({}); reconnecting", e.getMessage());
                    pause();
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Event listener failed: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            // woken by a new subscription or by close()
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }
}
