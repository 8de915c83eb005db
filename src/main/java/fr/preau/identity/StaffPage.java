package fr.preau.identity;

import java.util.List;

/** One page of a staff search, in name order, and how many accounts match in all. */
public record StaffPage(List<StaffMember> members, int total) {}
