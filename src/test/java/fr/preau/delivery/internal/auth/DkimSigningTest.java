package fr.preau.delivery.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.internal.dns.StaticDns;
import fr.preau.testsupport.Corpus;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestDatabase;
import fr.preau.testsupport.TestProperties;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Outbound signing checked by the inbound verifier against the record we tell admins to publish. */
class DkimSigningTest {

    static final String MESSAGE = """
            From: Jeanne Dupont <jeanne.dupont@ac-dijon.fr>
            To: Paul Martin <paul.martin@example.org>
            Cc: secretariat@ac-dijon.fr
            Subject: =?UTF-8?Q?R=C3=A9union_de_rentr=C3=A9e?=
            Date: Tue, 1 Sep 2026 08:00:00 +0200
            Message-ID: <20260901080000.1@ac-dijon.fr>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: 8bit
            X-Mailer: Préau

            Bonjour,

            La réunion de rentrée aura lieu jeudi à 14 h en salle 12.\t
            Bien cordialement,
            Jeanne


            """.replace("\n", "\r\n");

    private static TestDatabase db;
    private static DkimSigner signer;
    private static DkimVerifier verifier;
    private static DkimDnsRecord record;

    @BeforeAll
    static void keys() {
        db = TestDatabase.h2();
        DkimKeys keys = new DkimKeys(db.jdbc(), TestProperties.secretKeys(), MutableClock.start(), DkimProperties.defaults());
        signer = new DkimSigner(keys, Clock.systemUTC());
        record = keys.dnsRecord("ac-dijon.fr");
        verifier = new DkimVerifier(StaticDns.parse(record.zoneLine() + "\nbroken._domainkey.ac-dijon.fr. SERVFAIL\n"));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static String signed(String message) {
        String header = signer.sign(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)), "ac-dijon.fr");
        return header + message;
    }

    private static List<DkimResult> verify(String message) {
        return verifier.verify(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSignedMessagePasses() {
        String header = signer.sign(new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.UTF_8)), "ac-dijon.fr");
        assertThat(header).startsWith("DKIM-Signature: ").endsWith("\r\n")
                .contains("a=rsa-sha256", "c=relaxed/relaxed", "d=ac-dijon.fr", "s=preau202609",
                        "h=from:to:cc:subject:date:message-id:mime-version:content-type:from;");
        assertThat(header.split("\r\n")).as("folded").allMatch(line -> line.length() <= 120);
        assertThat(header.substring(0, header.length() - 2)).doesNotContain("\r\n\r\n").doesNotContain("\n ");
        assertThat(verify(header + MESSAGE)).containsExactly(
                new DkimResult(DkimResult.Result.PASS, "ac-dijon.fr", "preau202609", ""));
    }

    @Test
    void relaxedCanonicalisationToleratesWhatRelaysDo() {
        String signed = signed(MESSAGE);
        String rewrapped = signed.replace("Subject: =?UTF-8?Q?", "Subject:   =?UTF-8?Q?")
                .replace("Bien cordialement,\r\n", "Bien   cordialement,  \r\n") + "\r\n\r\n";
        assertThat(verify(rewrapped)).extracting(DkimResult::result).containsExactly(DkimResult.Result.PASS);
        assertThat(verify("Received: from relay.example.org\r\n" + signed)).extracting(DkimResult::result)
                .as("a header that is not signed may be added").containsExactly(DkimResult.Result.PASS);
    }

    @Test
    void bareLineFeedsAreSignedAsTheyWillBeSent() {
        String lf = MESSAGE.replace("\r\n", "\n");
        String header = signer.sign(new ByteArrayInputStream(lf.getBytes(StandardCharsets.UTF_8)), "ac-dijon.fr");
        assertThat(verify(header + MESSAGE)).extracting(DkimResult::result).containsExactly(DkimResult.Result.PASS);
    }

    @Test
    void tamperingFails() {
        String signed = signed(MESSAGE);
        DkimResult body = verify(signed.replace("14 h", "16 h")).getFirst();
        assertThat(body.result()).isEqualTo(DkimResult.Result.FAIL);
        assertThat(body.reason()).containsIgnoringCase("body");
        assertThat(body.domain()).isEqualTo("ac-dijon.fr");

        assertThat(verify(signed.replace("R=C3=A9union", "Annulation")).getFirst().result())
                .as("signed header changed").isEqualTo(DkimResult.Result.FAIL);
        assertThat(verify("From: Rectorat <rectorat@ac-dijon.fr>\r\n" + signed).getFirst().result())
                .as("a second From, thanks to over-signing").isEqualTo(DkimResult.Result.FAIL);
        assertThat(verify(signed.replace("Cc: secretariat@ac-dijon.fr\r\n", "")).getFirst().result())
                .as("signed header removed").isEqualTo(DkimResult.Result.FAIL);
    }

    @Test
    void keyProblemsArePermanentAndDnsTroubleTemporary() {
        String signed = signed(MESSAGE);
        DkimResult noKey = verify(signed.replace("s=preau202609", "s=absent")).getFirst();
        assertThat(noKey.result()).isEqualTo(DkimResult.Result.PERMERROR);
        assertThat(noKey.selector()).isEqualTo("absent");
        assertThat(verify(signed.replace("s=preau202609", "s=broken")).getFirst().result())
                .isEqualTo(DkimResult.Result.TEMPERROR);
        DkimResult garbled = verify(signed.replace("v=1;", "v=9;")).getFirst();
        assertThat(garbled.result()).isEqualTo(DkimResult.Result.PERMERROR);
        assertThat(garbled.domain()).as("read leniently").isEqualTo("ac-dijon.fr");
    }

    @Test
    void shortKeysAreRefused() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(512);
        java.security.KeyPair weak = generator.generateKeyPair();
        String p = java.util.Base64.getEncoder().encodeToString(weak.getPublic().getEncoded());
        org.apache.james.jdkim.DKIMSigner jdkim = new org.apache.james.jdkim.DKIMSigner(
                "v=1; a=rsa-sha256; c=relaxed/relaxed; d=weak.example; s=s; h=from:subject; bh=; b=;", weak.getPrivate());
        String message = "From: a@weak.example\r\nSubject: hi\r\n\r\nbody\r\n";
        String header = jdkim.sign(new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)));
        DkimVerifier v = new DkimVerifier(StaticDns.builder().txt("s._domainkey.weak.example", "v=DKIM1; k=rsa; p=" + p).build());
        DkimResult result = v.verify(new ByteArrayInputStream((header + "\r\n" + message).getBytes(StandardCharsets.US_ASCII))).getFirst();
        assertThat(result.result()).isEqualTo(DkimResult.Result.PERMERROR);
        assertThat(result.reason()).contains("1024");
    }

    @Test
    void unsignedMessagesHaveNoResultAndCorpusMessagesDoNotCrash() throws Exception {
        assertThat(verify(MESSAGE)).isEmpty();
        for (var file : Corpus.files("mime")) {
            verifier.verify(Files.newInputStream(file)); // never throws
        }
        var good = Corpus.category("mime").resolve("apache-james-project/server/apps/memory-app/src/test/resources/eml/goodDkim.eml");
        DkimResult avocat = verifier.verify(Files.newInputStream(good)).getFirst();
        assertThat(avocat.domain()).isEqualTo("avocat.fr");
        assertThat(avocat.selector()).isEqualTo("s2");
        assertThat(avocat.result()).as("their key is not in our zone").isEqualTo(DkimResult.Result.PERMERROR);
    }
}
