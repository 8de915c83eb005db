package fr.preau.delivery.internal.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.preau.delivery.internal.inbound.Recipient;
import fr.preau.identity.Account;
import fr.preau.identity.AccountStatus;
import fr.preau.identity.Accounts;
import fr.preau.identity.InterfaceChoice;
import fr.preau.identity.Role;
import fr.preau.mail.SubmissionRefusedException;
import fr.preau.platform.BlobStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web mail's submission applies SMTP submission's rules, and refuses all or nothing. */
class WebSubmissionTest {

    static final Account LEA = new Account(7, 1, 1, "lmoreau", "lea.moreau@ac-dijon.fr", "Moreau", "Léa", Role.SUPPORT,
            null, AccountStatus.ACTIVE, null, null, InterfaceChoice.FULL, Instant.EPOCH, Instant.EPOCH, null, Instant.EPOCH,
            false);
    static final BlobStore.Blob BLOB = new BlobStore.Blob("ab".repeat(32), 10);

    Accounts accounts = mock(Accounts.class);
    Submitter submitter = mock(Submitter.class);
    BlobStore blobs = mock(BlobStore.class);
    WebSubmission web = new WebSubmission(accounts, submitter, blobs);

    @BeforeEach
    void setUp() throws Exception {
        when(accounts.byId(7)).thenReturn(Optional.of(LEA));
        from("Léa Moreau <lea.moreau@ac-dijon.fr>");
        when(submitter.mayStartMessage(anyLong())).thenReturn(true);
        when(submitter.mayAddRecipients(anyLong(), anyInt())).thenReturn(true);
        when(submitter.resolve(any())).thenAnswer(i -> new Recipient.Remote(i.getArgument(0), "example.org"));
        when(submitter.route(any())).thenReturn(new Submitter.Routes(Map.of(), List.of("a@example.org")));
    }

    void from(String from) throws Exception {
        when(blobs.open(BLOB.hash())).thenAnswer(i -> new ByteArrayInputStream(("From: " + from + "\r\nSubject: x\r\n\r\nx\r\n")
                .getBytes(StandardCharsets.UTF_8)));
    }

    String refusal(List<String> recipients) {
        try {
            web.submit(7, "lea.moreau@ac-dijon.fr", recipients, BLOB);
        } catch (SubmissionRefusedException e) {
            verify(submitter, never()).submit(any(), anyInt(), any(), any());
            return e.key();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void submitsWhenEverythingHolds() {
        web.submit(7, "LEA.MOREAU@ac-dijon.fr", List.of("a@example.org"), BLOB);
        verify(submitter).submit(any(), any(Integer.class), any(), any());
    }

    @Test
    void refusesBeyondTheSendingLimits() {
        when(submitter.mayStartMessage(7)).thenReturn(false);
        assertThat(refusal(List.of("a@example.org"))).isEqualTo("compose.error.limit-messages");
        when(submitter.mayStartMessage(7)).thenReturn(true);
        when(submitter.mayAddRecipients(7, 2)).thenReturn(false);
        assertThat(refusal(List.of("a@example.org", "b@example.org"))).isEqualTo("compose.error.limit-recipients");
    }

    @Test
    void refusesAnUnknownOrDisabledLocalRecipientAndNamesIt() {
        when(submitter.resolve("inconnu@ac-dijon.fr")).thenReturn(new Recipient.Unknown("inconnu@ac-dijon.fr"));
        assertThat(refusal(List.of("a@example.org", "inconnu@ac-dijon.fr"))).isEqualTo("compose.error.unknown-recipient");
        assertThatThrownBy(() -> web.submit(7, "lea.moreau@ac-dijon.fr", List.of("inconnu@ac-dijon.fr"), BLOB))
                .isInstanceOfSatisfying(SubmissionRefusedException.class,
                        e -> assertThat(e.address()).isEqualTo("inconnu@ac-dijon.fr"));
        when(submitter.resolve("suspendu@ac-dijon.fr")).thenReturn(new Recipient.Disabled("suspendu@ac-dijon.fr"));
        assertThat(refusal(List.of("suspendu@ac-dijon.fr"))).isEqualTo("compose.error.disabled-recipient");
    }

    @Test
    void refusesAnotherSenderInTheEnvelopeOrTheHeaders() throws Exception {
        assertThatThrownBy(() -> web.submit(7, "autre@ac-dijon.fr", List.of("a@example.org"), BLOB))
                .isInstanceOfSatisfying(SubmissionRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("compose.error.sender-not-own"));
        from("Directeur <directeur@ac-dijon.fr>");
        assertThat(refusal(List.of("a@example.org"))).isEqualTo("compose.error.sender-not-own");
    }
}
