package fr.preau.portal.helpdesk.web;

import java.io.Serializable;

/** The request just filed, kept in the requester's session to show its reference and follow-up code. */
public record FiledTicket(String reference, String code) implements Serializable {}
