package fr.preau.portal.web;

import fr.preau.identity.Account;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Establishment;

/** What the home page of either interface shows about the signed-in agent. */
public record HomePage(Account account, Academy academy, Department department, Establishment establishment) {}
