package fr.preau.mail;

import fr.preau.platform.UserError;

/** Storing the message would take the account over its quota. */
public class OverQuotaException extends UserError {

    private final transient QuotaUsage usage;

    public OverQuotaException(QuotaUsage usage) {
        super(null, "mail.error.over-quota", usage.limitMegabytes());
        this.usage = usage;
    }

    public QuotaUsage usage() {
        return usage;
    }
}
