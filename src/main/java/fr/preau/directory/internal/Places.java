package fr.preau.directory.internal;

import fr.preau.directory.DirectoryEntry;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.Tenancy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The établissements and départements of one académie as one directory request needs them:
 * the départements read once, each établissement read once when an entry refers to it.
 */
public final class Places {

    private final Tenancy tenancy;
    private final long academyId;
    private final Map<Long, Department> departments;
    private final Map<Long, Optional<Establishment>> establishments = new HashMap<>();

    public Places(Tenancy tenancy, long academyId) {
        this.tenancy = tenancy;
        this.academyId = academyId;
        this.departments = tenancy.departments(academyId).stream()
                .collect(Collectors.toMap(Department::id, Function.identity()));
    }

    public long academyId() {
        return academyId;
    }

    public List<Department> departments() {
        return tenancy.departments(academyId);
    }

    /** The département if it belongs to this académie. */
    public Optional<Department> department(long id) {
        return Optional.ofNullable(departments.get(id));
    }

    /** The établissement if it belongs to this académie. */
    public Optional<Establishment> establishment(long id) {
        return establishments.computeIfAbsent(id, key -> {
            try {
                Establishment e = tenancy.establishment(key);
                return departments.containsKey(e.departmentId()) ? Optional.of(e) : Optional.empty();
            } catch (NoSuchElementException unknown) {
                return Optional.empty();
            }
        });
    }

    public DirectoryEntry.Establishment entryEstablishment(long id) {
        return establishment(id).map(e -> new DirectoryEntry.Establishment(e.id(), e.uai(), e.name(), e.city()))
                .orElse(null);
    }

    public DirectoryEntry.Department entryDepartmentOf(long establishmentId) {
        return establishment(establishmentId).map(e -> departments.get(e.departmentId()))
                .map(d -> new DirectoryEntry.Department(d.id(), d.code(), d.name())).orElse(null);
    }
}
