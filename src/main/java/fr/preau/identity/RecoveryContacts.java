package fr.preau.identity;

import java.time.Instant;

/**
 * The recovery contacts of an account and whether each was verified with a code: only a
 * verified address or number is used for recovery.
 */
public record RecoveryContacts(String backupEmail, Instant backupEmailVerifiedAt, String mobile,
                               Instant mobileVerifiedAt) {

    public boolean backupEmailVerified() {
        return backupEmail != null && backupEmailVerifiedAt != null;
    }

    public boolean mobileVerified() {
        return mobile != null && mobileVerifiedAt != null;
    }
}
