package fr.preau.mail.web;

import fr.preau.mail.MailSettings;
import fr.preau.platform.web.FieldErrors;
import java.util.List;

/** The mail settings page: the settings (as typed, after a refusal), the trusted senders, the interface. */
public record SettingsPage(String base, FolderTree tree, MailSettings settings, List<String> trustedSenders,
                           FieldErrors errors, Notice notice, boolean simplified) {}
