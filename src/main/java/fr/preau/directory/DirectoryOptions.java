package fr.preau.directory;

import fr.preau.identity.Role;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Establishment;
import java.util.List;

/**
 * The choices of the directory's search form for a reader: the départements of their académie,
 * the établissements (those of the chosen département, or all of the académie's when they are
 * few), and the roles.
 *
 * @param establishmentsNeedDepartment true when the académie has too many établissements to list
 *                                     them all: the reader chooses a département first
 */
public record DirectoryOptions(List<Department> departments, List<Establishment> establishments,
                               boolean establishmentsNeedDepartment, List<Role> roles) {}
