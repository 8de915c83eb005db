package fr.preau.portal.helpdesk;

import fr.preau.identity.Account;
import fr.preau.identity.Contacts;
import fr.preau.identity.Numen;
import fr.preau.identity.SupportIdentity;
import fr.preau.platform.AuditLog;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Tenancy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requester's side of the help desk, open to anyone: filing a request (routed to the
 * département of the account it describes, else to the one chosen), opening it again with its
 * reference and follow-up code, and adding a message while it is open. The answer to a filing
 * is the same whether or not an account matches.
 */
@Service
public class HelpDeskFiling {

    /** What the form sends. {@code department} is a département code (21, 2A...). */
    public record Form(String lastName, String firstName, String identifier, String numen, String department,
                       String contactEmail, String contactPhone, String message) {}

    /** A filed request: its reference and the follow-up code, shown once. */
    public record Filed(String reference, String followUpCode) {}

    /** Either the request filed or the errors of the form, by field. */
    public record Outcome(Filed filed, List<UserError> errors) {
        public boolean ok() {
            return filed != null;
        }
    }

    /** A request as its requester sees it: never internal notes or actions, nor where it was routed. */
    public record RequesterView(HelpDeskRequest request, List<HistoryEntry> history) {}

    public static final int MAX_MESSAGE = 2000;
    static final String ACTOR = "help-desk-form";
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} '’.-]{0,99}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .]{5,19}");

    private final HelpDeskRepository repository;
    private final References references;
    private final SupportIdentity identity;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;

    HelpDeskFiling(HelpDeskRepository repository, References references, SupportIdentity identity, Tenancy tenancy,
                   AuditLog audit, Clock clock) {
        this.repository = repository;
        this.references = references;
        this.identity = identity;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The form's errors by field (none when it may be filed); files nothing. */
    public List<UserError> validate(Form form) {
        List<UserError> errors = new ArrayList<>();
        check(form, errors);
        return errors;
    }

    @Transactional
    public Outcome file(Form form, ClientInfo client) {
        List<UserError> errors = new ArrayList<>();
        Checked c = check(form, errors);
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        String numenHash = c.numen().isEmpty() ? null : identity.numenHash(c.numen()).orElseThrow();
        // the NUMEN is the stronger match; the identifiant may be a colleague's, typed by mistake
        Optional<Account> match = identity.byNumenHash(numenHash).or(() -> identity.byIdentifier(c.identifier()));
        Department routed = match.map(a -> tenancy.department(tenancy.establishment(a.establishmentId()).departmentId()))
                .orElse(c.chosen());

        String reference;
        do {
            reference = references.newReference();
        } while (repository.referenceExists(reference));
        String code = references.newFollowUpCode();
        repository.insert(new HelpDeskRepository.NewRequest(reference, references.accessHash(reference, code),
                routed.academyId(), routed.id(), c.chosen().id(), c.lastName(), c.firstName(),
                c.identifier().isEmpty() ? null : c.identifier(), numenHash, c.email(), c.phone(), c.message(),
                clock.instant()));
        audit.record(AuditLog.Entry.of(ACTOR, "HELPDESK_REQUEST_FILED").account(match.map(Account::id).orElse(null))
                .client(client.ip(), client.userAgent()).details("reference=" + reference));
        return new Outcome(new Filed(reference, code), List.of());
    }

    /** A form checked: normal forms of what was typed. */
    private record Checked(String lastName, String firstName, String identifier, String numen, Department chosen,
                           String email, String phone, String message) {}

    private Checked check(Form form, List<UserError> errors) {
        String lastName = clean(form.lastName());
        String firstName = clean(form.firstName());
        name("lastName", lastName, "hd.error.last-name-missing", errors);
        name("firstName", firstName, "hd.error.first-name-missing", errors);

        String identifier = clean(form.identifier());
        String numen = Numen.normalize(form.numen());
        if (identifier.length() > 254) {
            errors.add(UserError.onField("identifier", "hd.error.identifier-too-long"));
        }
        if (!numen.isEmpty() && !Numen.isValid(numen)) {
            errors.add(UserError.onField("numen", "hd.error.numen-format"));
        }
        if (identifier.isEmpty() && numen.isEmpty()) {
            errors.add(UserError.onField("identifier", "hd.error.identifier-or-numen"));
        }

        Optional<Department> chosen = clean(form.department()).isEmpty() ? Optional.empty()
                : tenancy.department(clean(form.department()));
        if (chosen.isEmpty()) {
            errors.add(UserError.onField("department", "hd.error.department-missing"));
        }

        String email = null;
        String typedEmail = clean(form.contactEmail());
        if (!typedEmail.isEmpty()) {
            email = Contacts.email(typedEmail).orElse(null);
            if (email == null) {
                errors.add(UserError.onField("contactEmail", "hd.error.contact-email-format"));
            } else if (tenancy.academyByDomain(email.substring(email.indexOf('@') + 1)).isPresent()) {
                errors.add(UserError.onField("contactEmail", "hd.error.contact-email-internal"));
                email = null;
            }
        }
        String phone = null;
        String typedPhone = clean(form.contactPhone());
        if (!typedPhone.isEmpty()) {
            if (PHONE.matcher(typedPhone).matches()) {
                phone = typedPhone;
            } else {
                errors.add(UserError.onField("contactPhone", "hd.error.contact-phone-format"));
            }
        }
        if (typedEmail.isEmpty() && typedPhone.isEmpty()) {
            errors.add(UserError.onField("contactEmail", "hd.error.contact-missing"));
        }

        String message = form.message() == null ? "" : form.message().strip();
        if (message.isEmpty()) {
            errors.add(UserError.onField("message", "hd.error.message-missing"));
        } else if (message.length() > MAX_MESSAGE) {
            errors.add(UserError.onField("message", "hd.error.message-too-long", MAX_MESSAGE, message.length()));
        }
        return new Checked(lastName, firstName, identifier, numen, chosen.orElse(null), email, phone, message);
    }

    /** The request the reference and follow-up code open, or empty (unknown reference or wrong code alike). */
    public Optional<String> open(String typedReference, String typedCode) {
        String reference = References.normalizeReference(typedReference);
        Optional<String> stored = References.wellFormed(reference) ? repository.accessHash(reference) : Optional.empty();
        // the hash is computed either way, so an unknown reference answers in the same time
        boolean opens = references.opens(stored.orElse("0".repeat(64)), reference, typedCode);
        return opens && stored.isPresent() ? Optional.of(reference) : Optional.empty();
    }

    /** What the requester sees of a request they opened. */
    public Optional<RequesterView> view(String reference) {
        return repository.byReference(reference)
                .map(r -> new RequesterView(r, repository.history(r.id(), true)));
    }

    /**
     * A message of the requester on an open request; a request waiting for them goes back to
     * the help desk. Refused once the request is closed.
     */
    @Transactional
    public List<UserError> addMessage(String reference, String text, ClientInfo client) {
        HelpDeskRequest request = repository.byReference(reference).orElseThrow();
        String message = text == null ? "" : text.strip();
        if (!request.status().open()) {
            return List.of(UserError.of("hd.error.closed"));
        }
        if (message.isEmpty()) {
            return List.of(UserError.onField("message", "hd.error.message-missing"));
        }
        if (message.length() > MAX_MESSAGE) {
            return List.of(UserError.onField("message", "hd.error.message-too-long", MAX_MESSAGE, message.length()));
        }
        RequestStatus next = request.status() == RequestStatus.WAITING_FOR_AGENT ? RequestStatus.IN_PROGRESS : null;
        repository.addEntry(request.id(), clock.instant(), EntryKind.REQUESTER, null, message, next);
        audit.record(AuditLog.Entry.of(ACTOR, "HELPDESK_REQUESTER_MESSAGE").client(client.ip(), client.userAgent())
                .details("reference=" + reference));
        return List.of();
    }

    /** The départements a requester may choose, by académie. */
    public List<AcademyDepartments> departments() {
        return tenancy.academies().stream()
                .map(a -> new AcademyDepartments(a.name(), tenancy.departments(a.id())))
                .toList();
    }

    /** An académie's name and its départements, for the form's choice. */
    public record AcademyDepartments(String academy, List<Department> departments) {}

    private static void name(String field, String value, String missingKey, List<UserError> errors) {
        if (value.isEmpty()) {
            errors.add(UserError.onField(field, missingKey));
        } else if (!NAME.matcher(value).matches()) {
            errors.add(UserError.onField(field, "hd.error.name-format"));
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ");
    }
}
