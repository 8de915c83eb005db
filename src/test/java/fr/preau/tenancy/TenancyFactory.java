package fr.preau.tenancy;

import fr.preau.platform.AuditLog;
import fr.preau.tenancy.internal.TenancyRepository;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds the tenancy service by hand (its constructor is package-private). */
public final class TenancyFactory {

    private TenancyFactory() {}

    public static Tenancy tenancy(JdbcClient jdbc, Clock clock, AuditLog audit) {
        return new Tenancy(new TenancyRepository(jdbc, clock), audit);
    }
}
