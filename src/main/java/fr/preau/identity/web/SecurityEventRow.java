package fr.preau.identity.web;

import fr.preau.platform.AuditLog;

/** One security event as "Dernières connexions" shows it. */
public record SecurityEventRow(AuditLog.Event event, String device) {}
