package fr.preau.identity.internal;

import fr.preau.identity.Contacts;
import fr.preau.identity.NewAccount;
import fr.preau.identity.Numen;
import fr.preau.identity.Role;
import fr.preau.platform.SecretKeys;
import fr.preau.platform.UserError;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.Tenancy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Validates an account to create, field by field, and resolves what it refers to. Used by
 * both the single create command and the file import, so both refuse the same things with
 * the same words.
 */
@Component
public class NewAccountChecks {

    /** A valid request, resolved: normal forms, role, établissement, académie, NUMEN hash. */
    public record Checked(String lastName, String firstName, String numenHash, String numenMasked, Role role,
                          Establishment establishment, Academy academy, String backupEmail, String mobile) {}

    /** The result of checking: either {@code checked} or a non-empty list of errors. */
    public record Outcome(Checked checked, List<UserError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} '’.-]{0,99}");

    private final Tenancy tenancy;
    private final SecretKeys keys;
    private volatile Set<String> hostedDomains;
    /** Établissements (with their académie) looked up since the last {@link #refresh()}, by UAI. */
    private final java.util.Map<String, java.util.Optional<Place>> places = new java.util.concurrent.ConcurrentHashMap<>();

    private record Place(Establishment establishment, Academy academy) {}

    public NewAccountChecks(Tenancy tenancy, SecretKeys keys) {
        this.tenancy = tenancy;
        this.keys = keys;
    }

    public String numenHash(String numen) {
        return keys.hmacHex("numen", Numen.normalize(numen));
    }

    /** Reloads the académies' domains (call once per batch). */
    public void refresh() {
        hostedDomains = tenancy.academies().stream().map(Academy::mailDomain).collect(Collectors.toSet());
        places.clear();
    }

    public Outcome check(NewAccount input) {
        if (hostedDomains == null) {
            refresh();
        }
        List<UserError> errors = new ArrayList<>();
        String lastName = clean(input.lastName());
        String firstName = clean(input.firstName());
        name("last-name", lastName, "account.error.last-name-missing", errors);
        name("first-name", firstName, "account.error.first-name-missing", errors);

        String numen = Numen.normalize(input.numen());
        if (numen.isEmpty()) {
            errors.add(UserError.onField("numen", "account.error.numen-missing"));
        } else if (!Numen.isValid(numen)) {
            errors.add(UserError.onField("numen", "account.error.numen-format"));
        }

        Role role = Role.parse(input.role()).orElse(null);
        if (role == null) {
            errors.add(UserError.onField("role", "account.error.role", clean(input.role())));
        }

        Establishment establishment = null;
        Academy academy = null;
        String uai = clean(input.uai());
        if (uai.isEmpty()) {
            errors.add(UserError.onField("uai", "account.error.uai-missing"));
        } else {
            Place place = places.computeIfAbsent(fr.preau.tenancy.Uai.normalize(uai), code -> tenancy.establishment(code)
                    .map(e -> new Place(e, tenancy.academyOf(e)))).orElse(null);
            if (place == null) {
                errors.add(UserError.onField("uai", "account.error.uai-unknown", uai));
            } else {
                establishment = place.establishment();
                academy = place.academy();
            }
        }

        String backupEmail = null;
        if (!clean(input.backupEmail()).isEmpty()) {
            backupEmail = Contacts.email(input.backupEmail()).orElse(null);
            if (backupEmail == null) {
                errors.add(UserError.onField("backup-email", "account.error.backup-email", clean(input.backupEmail())));
            } else if (hostedDomains.contains(backupEmail.substring(backupEmail.indexOf('@') + 1))) {
                errors.add(UserError.onField("backup-email", "account.error.backup-email-internal"));
                backupEmail = null;
            }
        }
        String mobile = null;
        if (!clean(input.mobile()).isEmpty()) {
            mobile = Contacts.mobile(input.mobile()).orElse(null);
            if (mobile == null) {
                errors.add(UserError.onField("mobile", "account.error.mobile", clean(input.mobile())));
            }
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        return new Outcome(new Checked(lastName, firstName, numenHash(numen), Numen.mask(numen), role,
                establishment, academy, backupEmail, mobile), List.of());
    }

    private static void name(String field, String value, String missingKey, List<UserError> errors) {
        if (value.isEmpty()) {
            errors.add(UserError.onField(field, missingKey));
        } else if (!NAME.matcher(value).matches()) {
            errors.add(UserError.onField(field, "account.error.name-format", value));
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ");
    }
}
