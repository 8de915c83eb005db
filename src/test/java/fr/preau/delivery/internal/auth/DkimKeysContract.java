package fr.preau.delivery.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.platform.SecretKeys;
import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** DKIM keys made on first use, stored encrypted, shared by every node. */
abstract class DkimKeysContract extends DatabaseContract {

    private final MutableClock clock = MutableClock.start(); // September 2026

    private DkimKeys keys(DkimProperties properties) {
        return new DkimKeys(db.jdbc(), TestProperties.secretKeys(), clock, properties);
    }

    private DkimKeys keys() {
        return keys(DkimProperties.defaults());
    }

    @Test
    void aDomainGetsOneKeyOnFirstUseAndKeepsIt() {
        DkimKey first = keys().current("AC-Dijon.fr.");
        assertThat(first.domain()).isEqualTo("ac-dijon.fr");
        assertThat(first.selector()).isEqualTo("preau202609");
        assertThat(first.publicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(first.createdAt()).isEqualTo(clock.instant());
        assertThat(db.count("dkim_key")).isEqualTo(1);

        clock.advance(Duration.ofDays(90));
        DkimKey again = keys().current("ac-dijon.fr"); // another node, no cache
        assertThat(again.selector()).isEqualTo("preau202609");
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(again.privateKey()).isEqualTo(first.privateKey());
        assertThat(db.count("dkim_key")).isEqualTo(1);

        assertThat(keys().current("ac-lyon.fr").selector()).as("another domain, another month").isEqualTo("preau202612");
        assertThat(db.count("dkim_key")).isEqualTo(2);
    }

    @Test
    void thePrivateKeyIsStoredEncryptedAndTheDumpAloneDoesNotOpenIt() {
        DkimKey key = keys().current("ac-dijon.fr");
        String stored = db.jdbc().sql("select private_key_encrypted from dkim_key").query(String.class).single();
        String plain = Base64.getEncoder().encodeToString(key.privateKey().getEncoded());
        assertThat(stored).startsWith("v1:").doesNotContain(plain.substring(0, 40));
        assertThat(db.jdbc().sql("select public_key from dkim_key").query(String.class).single())
                .isEqualTo(key.publicKeyBase64());

        SecretKeys otherInstallation = new SecretKeys(TestProperties.properties(),
                Base64.getEncoder().encodeToString("another-installation-secret-0123456789".getBytes()));
        DkimKeys elsewhere = new DkimKeys(db.jdbc(), otherInstallation, clock, DkimProperties.defaults());
        assertThatThrownBy(() -> elsewhere.current("ac-dijon.fr"))
                .hasMessageContaining("installation secret")
                .hasMessageNotContaining(plain.substring(0, 20));
    }

    @Test
    void aStoredKeyCannotBeMovedToAnotherDomain() {
        keys().current("ac-dijon.fr");
        keys().current("ac-lyon.fr");
        String dijon = db.jdbc().sql("select private_key_encrypted from dkim_key where domain = 'ac-dijon.fr'")
                .query(String.class).single();
        db.jdbc().sql("update dkim_key set private_key_encrypted = ? where domain = 'ac-lyon.fr'").param(dijon).update();
        assertThatThrownBy(() -> keys().current("ac-lyon.fr")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConfiguredSelectorGetsItsOwnKeyAndTheOldOneStays() {
        DkimKey old = keys().current("ac-dijon.fr");
        DkimKey rotated = keys(new DkimProperties("Rentree2027", 2048)).current("ac-dijon.fr");
        assertThat(rotated.selector()).isEqualTo("rentree2027");
        assertThat(rotated.publicKey()).isNotEqualTo(old.publicKey());
        assertThat(keys().all("ac-dijon.fr")).extracting(DkimKey::selector)
                .containsExactlyInAnyOrder("preau202609", "rentree2027");
        assertThatThrownBy(() -> new DkimProperties("two.labels", 2048)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DkimProperties(null, 512)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDnsRecordPublishesThePublicKeyInStringsOf255Bytes() {
        DkimKeys keys = keys();
        DkimDnsRecord record = keys.dnsRecord("ac-dijon.fr");
        DkimKey key = keys.current("ac-dijon.fr");
        assertThat(record.name()).isEqualTo("preau202609._domainkey.ac-dijon.fr");
        assertThat(record.value()).isEqualTo("v=DKIM1; k=rsa; p=" + key.publicKeyBase64());
        assertThat(record.strings()).hasSizeGreaterThan(1).allMatch(s -> s.length() <= 255);
        assertThat(String.join("", record.strings())).isEqualTo(record.value());
        assertThat(record.zoneLine()).startsWith("preau202609._domainkey.ac-dijon.fr. TXT \"v=DKIM1; k=rsa; p=MII")
                .endsWith("\"");
    }

    @Test
    void nodesMakingTheFirstKeyTogetherAgreeOnOne() throws Exception {
        int nodes = 3;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<DkimKey>> made = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(nodes)) {
            for (int i = 0; i < nodes; i++) {
                DkimKeys node = keys();
                made.add(pool.submit(() -> {
                    start.await();
                    return node.current("ac-dijon.fr");
                }));
            }
            start.countDown();
            List<DkimKey> results = new ArrayList<>();
            for (Future<DkimKey> f : made) {
                results.add(f.get());
            }
            assertThat(results).extracting(DkimKey::publicKey).containsOnly(results.getFirst().publicKey());
        }
        assertThat(db.count("dkim_key")).isEqualTo(1);
    }

    @Test
    void rejectsWhatIsNotADomain() {
        assertThatThrownBy(() -> keys().current("agent@ac-dijon.fr")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys().current(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(keys().current("académie.example").domain()).isEqualTo("xn--acadmie-eya.example");
    }
}
