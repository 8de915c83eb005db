package fr.preau.identity.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The default SMS gateway's outbox on each database engine. */
abstract class SmsOutboxContract extends DatabaseContract {

    @Test
    void keepsMessagesNewestFirstByNumberForAWeek() {
        MutableClock clock = MutableClock.start();
        OutboxSmsGateway outbox = new OutboxSmsGateway(db.jdbc(), clock);
        outbox.send(null, "+33612345678", "old");
        clock.advance(Duration.ofDays(8));
        outbox.send(null, "+33612345678", "first");
        outbox.send(null, "+33699999999", "other");
        outbox.send(null, "+33612345678", "second");
        assertThat(outbox.latest("+33612345678", 10)).extracting(m -> m.body()).containsExactly("second", "first");
        assertThat(outbox.latest("+33612345678", 1)).extracting(m -> m.body()).containsExactly("second");
        assertThat(outbox.latest(null, 2)).extracting(m -> m.body()).containsExactly("second", "other");
        assertThat(outbox.latest("+33600000000", 5)).isEmpty();
    }
}
