package fr.preau.identity.web;

import java.time.Instant;
import java.util.List;

/** "Mes sessions": the open sessions and a notice after closing some. */
public record SessionsPage(List<OpenSession> sessions, String notice) {

    /** One open session as the page shows it; {@code handle} designates it in forms. */
    public record OpenSession(String handle, String device, String userAgent, String ip, Instant loginAt,
                              Instant lastActivity, boolean current) {}
}
