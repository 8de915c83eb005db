package fr.preau.tenancy;

/** An établissement (school, service) with its UAI code, in a département. */
public record Establishment(long id, long departmentId, String uai, String name, String city) {}
