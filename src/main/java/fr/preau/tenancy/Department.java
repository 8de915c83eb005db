package fr.preau.tenancy;

/** A département and its DSDEN help desk (e.g. 21 Côte-d'Or in the académie of Dijon). */
public record Department(long id, long academyId, String code, String name, HelpDesk helpDesk) {}
