package fr.preau.delivery.internal.submission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sending limits of an agent's mail client ({@code preau.submission.*}): messages per hour and
 * recipients per day, over all nodes. Beyond them, SMTP answers {@code 450 4.7.1} (try later).
 */
@ConfigurationProperties("preau.submission")
public record SubmissionProperties(@DefaultValue("200") int messagesPerHour, @DefaultValue("2000") int recipientsPerDay) {}
