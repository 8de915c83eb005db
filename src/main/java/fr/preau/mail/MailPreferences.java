package fr.preau.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each account's web mail settings ({@link MailSettings}, defaults until saved) and the senders
 * whose remote images it always shows. Every call acts on the account it names only.
 */
@Service
public class MailPreferences {

    /** An account trusts at most this many senders. */
    public static final int MAX_TRUSTED_SENDERS = 1000;
    static final int MAX_ADDRESS = 320;

    private final JdbcClient jdbc;
    private final Clock clock;

    MailPreferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public MailSettings get(long accountId) {
        return jdbc.sql("select signature, density, remote_images, conversations, page_size from mail_settings"
                        + " where account_id = ?")
                .param(accountId)
                .query((rs, n) -> new MailSettings(rs.getString(1), enumOr(MailSettings.Density.class, rs.getString(2),
                        MailSettings.DEFAULTS.density()), enumOr(MailSettings.RemoteImages.class, rs.getString(3),
                        MailSettings.DEFAULTS.remoteImages()), rs.getBoolean(4),
                        MailSettings.PAGE_SIZES.contains(rs.getInt(5)) ? rs.getInt(5) : MailSettings.DEFAULTS.pageSize()))
                .optional().orElse(MailSettings.DEFAULTS);
    }

    /** Validates and stores the settings; {@link InvalidMailSettingsException} names what is wrong. */
    public void save(long accountId, MailSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        String signature = settings.signature() == null ? "" : settings.signature().replace("\r\n", "\n").replace('\r', '\n');
        signature = signature.stripTrailing();
        if (signature.length() > MailSettings.MAX_SIGNATURE) {
            throw new InvalidMailSettingsException("signature", "reading.settings.signature-too-long",
                    MailSettings.MAX_SIGNATURE);
        }
        if (signature.chars().anyMatch(c -> c != '\n' && c != '\t' && Character.isISOControl(c))) {
            throw new InvalidMailSettingsException("signature", "reading.settings.signature-invalid");
        }
        if (settings.density() == null) {
            throw new InvalidMailSettingsException("density", "reading.settings.density-invalid");
        }
        if (settings.remoteImages() == null) {
            throw new InvalidMailSettingsException("remoteImages", "reading.settings.remote-images-invalid");
        }
        if (!MailSettings.PAGE_SIZES.contains(settings.pageSize())) {
            throw new InvalidMailSettingsException("pageSize", "reading.settings.page-size-invalid");
        }
        jdbc.sql("insert into mail_settings (account_id, signature, density, remote_images, conversations, page_size,"
                        + " updated_at) values (?, '', 'COMFORTABLE', 'ASK', true, 50, ?) on conflict do nothing")
                .params(accountId, OffsetDateTime.now(clock)).update();
        jdbc.sql("update mail_settings set signature = ?, density = ?, remote_images = ?, conversations = ?,"
                        + " page_size = ?, updated_at = ? where account_id = ?")
                .params(signature, settings.density().name(), settings.remoteImages().name(), settings.conversations(),
                        settings.pageSize(), OffsetDateTime.now(clock), accountId)
                .update();
    }

    /** Always shows remote images of mail from this address (case-insensitive). */
    public void trustSender(long accountId, String address) {
        String normalized = normalize(address);
        Integer count = jdbc.sql("select count(*) from mail_trusted_sender where account_id = ?").param(accountId)
                .query(Integer.class).single();
        if (count >= MAX_TRUSTED_SENDERS) {
            throw new InvalidMailSettingsException("address", "reading.trusted-sender.too-many", MAX_TRUSTED_SENDERS);
        }
        jdbc.sql("insert into mail_trusted_sender (account_id, address, created_at) values (?, ?, ?) on conflict do nothing")
                .params(accountId, normalized, OffsetDateTime.now(clock)).update();
    }

    public boolean trustsSender(long accountId, String address) {
        String normalized = normalizeOrNull(address);
        if (normalized == null) {
            return false;
        }
        return jdbc.sql("select count(*) from mail_trusted_sender where account_id = ? and address = ?")
                .params(accountId, normalized).query(Integer.class).single() > 0;
    }

    public void untrustSender(long accountId, String address) {
        String normalized = normalizeOrNull(address);
        if (normalized != null) {
            jdbc.sql("delete from mail_trusted_sender where account_id = ? and address = ?")
                    .params(accountId, normalized).update();
        }
    }

    /** The trusted addresses, lower-case, sorted. */
    public List<String> trustedSenders(long accountId) {
        return jdbc.sql("select address from mail_trusted_sender where account_id = ? order by address")
                .param(accountId).query(String.class).list();
    }

    private static String normalize(String address) {
        String normalized = normalizeOrNull(address);
        if (normalized == null) {
            throw new InvalidMailSettingsException("address", "reading.trusted-sender.invalid");
        }
        return normalized;
    }

    /** Lower-case, without angle brackets or surrounding spaces; null when it is not {@code local@domain}. */
    static String normalizeOrNull(String address) {
        if (address == null) {
            return null;
        }
        String s = address.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        s = s.toLowerCase(Locale.ROOT);
        int at = s.lastIndexOf('@');
        if (at < 1 || at == s.length() - 1 || s.length() > MAX_ADDRESS
                || s.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == 0x7f)) {
            return null;
        }
        return s;
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
