package fr.preau.mail.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the full-text index ({@code preau.mail.search.*}).
 *
 * @param commitInterval longest time a change applied to the index waits for its Lucene
 *                       commit (searchable at once; until the commit, a crash replays it from
 *                       the store's backlog)
 */
@ConfigurationProperties("preau.mail.search")
public record SearchProperties(@DefaultValue("5s") Duration commitInterval) {}
