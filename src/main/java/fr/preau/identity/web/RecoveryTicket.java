package fr.preau.identity.web;

import fr.preau.identity.Recovery;
import java.io.Serializable;
import java.time.Instant;

/**
 * A recovery under way, kept in the visitor's session: the account it is for (or none, which the
 * pages never let show), the method, how far it went and the wrong tries so far. Only
 * {@link Stage#PASSWORD} lets a password be set, for the account the proof was about.
 *
 * @param sent   whether this visitor asked for the current code (else they came to type one they had)
 * @param proof  how the agent proved who they are (audit name), once they did
 */
record RecoveryTicket(Recovery.Claim claim, Recovery.Method method, Stage stage, boolean sent, int wrongCodes,
                      int wrongAnswers, String proof, String maskedTarget, Instant expiresAt) implements Serializable {

    enum Stage { METHOD, CODE, QUESTIONS, PASSWORD }

    static RecoveryTicket started(Recovery.Claim claim, Instant expiresAt) {
        return new RecoveryTicket(claim, null, Stage.METHOD, false, 0, 0, null, null, expiresAt);
    }

    /** After a link: straight to the password, for the link's account. */
    static RecoveryTicket proven(long accountId, String login, String proof, Instant expiresAt) {
        return new RecoveryTicket(new Recovery.Claim(accountId, login), null, Stage.PASSWORD, false, 0, 0, proof, null,
                expiresAt);
    }

    RecoveryTicket awaitingCode(Recovery.Method chosen, boolean codeSent, Instant until) {
        return new RecoveryTicket(claim, chosen, Stage.CODE, codeSent, 0, 0, null, null, until);
    }

    RecoveryTicket oneMoreWrongCode() {
        return new RecoveryTicket(claim, method, stage, sent, wrongCodes + 1, wrongAnswers, proof, maskedTarget, expiresAt);
    }

    RecoveryTicket codeProven(String masked, Instant until) {
        Stage next = method == Recovery.Method.QUESTIONS ? Stage.QUESTIONS : Stage.PASSWORD;
        return new RecoveryTicket(claim, method, next, sent, wrongCodes, 0, Recovery.proofName(method), masked, until);
    }

    RecoveryTicket oneMoreWrongAnswer() {
        return new RecoveryTicket(claim, method, stage, sent, wrongCodes, wrongAnswers + 1, proof, maskedTarget, expiresAt);
    }

    RecoveryTicket answersProven() {
        return new RecoveryTicket(claim, method, Stage.PASSWORD, sent, wrongCodes, wrongAnswers, proof, maskedTarget,
                expiresAt);
    }
}
