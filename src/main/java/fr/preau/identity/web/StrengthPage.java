package fr.preau.identity.web;

import fr.preau.identity.PasswordPolicy;

/** The strength test page's model: the verdict (null before the first test) and the empty evaluation listing the rules. */
public record StrengthPage(PasswordPolicy.Evaluation evaluation, PasswordPolicy.Evaluation empty) {}
