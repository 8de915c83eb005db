package fr.preau.delivery.internal.submission;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Account;
import fr.preau.identity.IdentityServices;
import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestProperties;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sending limits per account, counted in the database so that every node sees them, on each database. */
abstract class SendingLimitsContract extends DatabaseContract {

    MutableClock clock;
    SendingLimits limits;
    Account agent;
    Account other;

    @BeforeEach
    void setUp() {
        clock = MutableClock.start();
        IdentityServices identity = IdentityServices.on(db, clock, TestProperties.properties());
        agent = identity.createActive("Camille", "Martin", IdentityServices.numen(1), "unused-Pass-1234!");
        other = identity.createActive("Thomas", "Bernard", IdentityServices.numen(2), "unused-Pass-1234!");
        limits = new SendingLimits(db.jdbc(), new SubmissionProperties(3, 10), clock);
    }

    @Test
    void messagesPerHourAreCountedPerAccountAndTheWindowMoves() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.mayStartMessage(agent.id())).isTrue();
            limits.record(agent.id(), 1);
        }
        assertThat(limits.mayStartMessage(agent.id())).as("fourth in the hour").isFalse();
        assertThat(limits.mayStartMessage(other.id())).as("another agent").isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(limits.mayStartMessage(agent.id())).as("the next hour").isTrue();
    }

    @Test
    void recipientsPerDayAddUpOverTwentyFourHours() {
        limits.record(agent.id(), 6);
        clock.advance(Duration.ofHours(5));
        limits.record(agent.id(), 3);
        assertThat(limits.mayAddRecipients(agent.id(), 1)).isTrue();
        assertThat(limits.mayAddRecipients(agent.id(), 2)).isFalse();
        clock.advance(Duration.ofHours(20));
        assertThat(limits.mayAddRecipients(agent.id(), 7)).as("the first 6 are more than a day old").isTrue();
        clock.advance(Duration.ofDays(3));
        assertThat(limits.purge()).isEqualTo(2);
    }
}
