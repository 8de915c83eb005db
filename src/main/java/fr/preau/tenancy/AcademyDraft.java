package fr.preau.tenancy;

/** What an administrator gives to create an académie (the policy starts at its defaults). */
public record AcademyDraft(String code, String name, String mailDomain, String numenCode, HelpDesk helpDesk) {}
