package fr.preau.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class AuditLogContract extends DatabaseContract {

    private final MutableClock clock = MutableClock.start();
    private AuditLog audit;

    @BeforeEach
    void setUp() {
        audit = PlatformFactory.auditLog(db.jdbc(), clock);
    }

    @Test
    void recordsEveryFieldAtTheClocksTime() {
        audit.record(AuditLog.Entry.of("jdupont", "LOGIN_FAILED").account(42L).client("192.0.2.1", "Firefox")
                .details("failures=1"));
        AuditLog.Event event = audit.forAccount(42, 10).getFirst();
        assertThat(event.id()).isPositive();
        assertThat(event.occurredAt()).isEqualTo(MutableClock.START);
        assertThat(event).extracting(AuditLog.Event::actor, AuditLog.Event::accountId, AuditLog.Event::type,
                        AuditLog.Event::ip, AuditLog.Event::userAgent, AuditLog.Event::details)
                .containsExactly("jdupont", 42L, "LOGIN_FAILED", "192.0.2.1", "Firefox", "failures=1");
    }

    @Test
    void keepsMissingFieldsNull() {
        audit.record(AuditLog.Entry.of("cli:root", "ACADEMY_CREATED"));
        AuditLog.Event event = audit.latest(null, 1).getFirst();
        assertThat(event.accountId()).isNull();
        assertThat(event.ip()).isNull();
        assertThat(event.userAgent()).isNull();
        assertThat(event.details()).isNull();
    }

    @Test
    void listsAnAccountsEventsNewestFirstWithALimit() {
        audit.record(AuditLog.Entry.of("a", "FIRST").account(1L));
        clock.advance(Duration.ofMinutes(1));
        audit.record(AuditLog.Entry.of("b", "OTHER_ACCOUNT").account(2L));
        audit.record(AuditLog.Entry.of("a", "SECOND").account(1L));
        audit.record(AuditLog.Entry.of("a", "THIRD_SAME_INSTANT").account(1L));
        assertThat(audit.forAccount(1, 10)).extracting(AuditLog.Event::type)
                .containsExactly("THIRD_SAME_INSTANT", "SECOND", "FIRST");
        assertThat(audit.forAccount(1, 2)).extracting(AuditLog.Event::type)
                .containsExactly("THIRD_SAME_INSTANT", "SECOND");
        assertThat(audit.forAccount(3, 10)).isEmpty();
    }

    @Test
    void listsTheLatestEventsOfOneTypeOrAll() {
        for (String type : List.of("LOGIN_FAILED", "LOGIN_SUCCEEDED", "LOGIN_FAILED")) {
            audit.record(AuditLog.Entry.of("x", type));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(audit.latest(null, 10)).extracting(AuditLog.Event::type)
                .containsExactly("LOGIN_FAILED", "LOGIN_SUCCEEDED", "LOGIN_FAILED");
        assertThat(audit.latest("LOGIN_FAILED", 10)).hasSize(2).allMatch(e -> e.type().equals("LOGIN_FAILED"));
        assertThat(audit.latest("ACCOUNT_DELETED", 10)).isEmpty();
        assertThat(audit.latest(null, 1)).hasSize(1);
    }

    @Test
    void cutsOversizedFieldsToTheirColumns() {
        audit.record(AuditLog.Entry.of("a".repeat(250), "T").client("1".repeat(100), "u".repeat(400))
                .details("d".repeat(2500)));
        AuditLog.Event event = audit.latest("T", 1).getFirst();
        assertThat(event.actor()).hasSize(200);
        assertThat(event.ip()).hasSize(64);
        assertThat(event.userAgent()).hasSize(300);
        assertThat(event.details()).hasSize(2000);
    }

    @Test
    void keepsAccentsAndNonLatinText() {
        audit.record(AuditLog.Entry.of("chloé.lefèvre-ñúñez", "T").details("raison=congé maladie ✓"));
        AuditLog.Event event = audit.latest("T", 1).getFirst();
        assertThat(event.actor()).isEqualTo("chloé.lefèvre-ñúñez");
        assertThat(event.details()).isEqualTo("raison=congé maladie ✓");
    }
}
