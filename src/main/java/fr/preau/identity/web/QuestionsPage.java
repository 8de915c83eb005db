package fr.preau.identity.web;

import fr.preau.platform.web.FieldErrors;
import java.util.List;

/** The security questions form: the choosable keys, what was chosen and typed (kept after an error), errors. */
public record QuestionsPage(List<String> keys, List<String> chosen, List<String> answers, boolean alreadySet,
                            FieldErrors errors) {}
