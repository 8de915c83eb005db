package fr.preau.directory;

import fr.preau.directory.internal.Places;
import fr.preau.identity.Account;
import fr.preau.identity.AccountStatus;
import fr.preau.identity.Accounts;
import fr.preau.identity.Role;
import fr.preau.identity.StaffMember;
import fr.preau.identity.StaffPage;
import fr.preau.identity.StaffQuery;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.Tenancy;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The staff directory (annuaire): search, an agent's card, and the suggestions of the
 * recipient field. A reader sees only the active accounts of their own académie; a reader who
 * is not active sees nobody. The filtering and the order are done in SQL by identity's
 * {@link Accounts#staff} (ADR 0020).
 */
@Service
public class StaffDirectory {

    /** Beyond this many établissements, the form asks for a département before listing them. */
    static final int MAX_LISTED_ESTABLISHMENTS = 100;
    static final int MAX_LIMIT = 100;

    private final Accounts accounts;
    private final Tenancy tenancy;

    StaffDirectory(Accounts accounts, Tenancy tenancy) {
        this.accounts = accounts;
        this.tenancy = tenancy;
    }

    /** Entries matching the query, sorted by last name then first name, from {@code offset}. */
    public DirectoryPage search(long viewerAccountId, DirectoryQuery query, int offset, int limit) {
        int from = Math.max(0, offset);
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        Optional<Places> places = placesOf(viewerAccountId);
        if (places.isEmpty()) {
            return new DirectoryPage(List.of(), 0, from, size);
        }
        DirectoryQuery q = query == null ? DirectoryQuery.all() : query;
        Set<Long> establishments = establishmentFilter(places.get(), q);
        StaffPage page = accounts.staff(places.get().academyId(), new StaffQuery(q.text(), establishments, q.role()),
                from, size);
        return new DirectoryPage(entries(places.get(), page.members()), page.total(), from, size);
    }

    /** An agent's entry, if they are active and of the reader's académie. */
    public Optional<DirectoryEntry> card(long viewerAccountId, long accountId) {
        return placesOf(viewerAccountId).flatMap(places -> accounts.staffMember(places.academyId(), accountId)
                .map(member -> entry(places, member)));
    }

    /**
     * Agents whose first or last name starts with the typed text (or each of its words), or
     * whose address does; at most {@code limit}, in name order.
     */
    public List<DirectoryEntry> suggest(long viewerAccountId, String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return placesOf(viewerAccountId).map(places -> entries(places,
                accounts.staffByPrefix(places.academyId(), text, Math.max(1, Math.min(limit, MAX_LIMIT)))))
                .orElse(List.of());
    }

    /**
     * The choices of the search form: the reader's académie's départements, the établissements
     * of the chosen département (or all, when there are few), the roles.
     */
    public DirectoryOptions options(long viewerAccountId, Long departmentId) {
        Optional<Places> found = placesOf(viewerAccountId);
        if (found.isEmpty()) {
            return new DirectoryOptions(List.of(), List.of(), false, List.of(Role.values()));
        }
        Places places = found.get();
        if (departmentId != null && places.department(departmentId).isPresent()) {
            return new DirectoryOptions(places.departments(), tenancy.establishments(departmentId), false,
                    List.of(Role.values()));
        }
        List<Establishment> all = tenancy.establishmentsOfAcademy(places.academyId());
        boolean tooMany = all.size() > MAX_LISTED_ESTABLISHMENTS;
        return new DirectoryOptions(places.departments(), tooMany ? List.of() : all, tooMany, List.of(Role.values()));
    }

    private Optional<Places> placesOf(long viewerAccountId) {
        return accounts.byId(viewerAccountId).filter(a -> a.status() == AccountStatus.ACTIVE)
                .map(Account::academyId).map(academy -> new Places(tenancy, academy));
    }

    /** The établissements the query keeps (null: any), only ever of the reader's académie. */
    private Set<Long> establishmentFilter(Places places, DirectoryQuery q) {
        Set<Long> ids = null;
        if (q.departmentId() != null) {
            ids = places.department(q.departmentId())
                    .map(d -> tenancy.establishments(d.id()).stream().map(Establishment::id).collect(Collectors.toSet()))
                    .orElse(Set.of());
        }
        if (q.establishmentId() != null) {
            Set<Long> one = places.establishment(q.establishmentId()).map(e -> Set.of(e.id())).orElse(Set.of());
            if (ids == null) {
                ids = one;
            } else {
                Set<Long> both = new HashSet<>(ids);
                both.retainAll(one);
                ids = both;
            }
        }
        return ids;
    }

    private static List<DirectoryEntry> entries(Places places, List<StaffMember> members) {
        return members.stream().map(m -> entry(places, m)).toList();
    }

    private static DirectoryEntry entry(Places places, StaffMember m) {
        return new DirectoryEntry(m.accountId(), m.firstName(), m.lastName(), m.displayName(), m.role(), m.email(),
                places.entryEstablishment(m.establishmentId()), places.entryDepartmentOf(m.establishmentId()));
    }
}
