package fr.preau.portal.web;

import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import java.util.List;

/** The help page's model: the agent's own help desks when signed in, and every académie's. */
public record HelpPage(Academy ownAcademy, Department ownDepartment, List<AcademyDesks> all) {

    /** An académie with its départements. */
    public record AcademyDesks(Academy academy, List<Department> departments) {}
}
