package fr.preau.identity.web;

import fr.preau.platform.web.FieldErrors;
import java.util.List;

/** The security questions form: the choosable keys, what was chosen (answers are never shown back), errors. */
public record QuestionsPage(List<String> keys, List<String> chosen, boolean alreadySet, FieldErrors errors) {}
