package fr.preau.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifetimes and limits of one-time codes and links ({@code preau.recovery.*}).
 *
 * @param codeValidity        a code typed from an e-mail or SMS (recovery, contact verification)
 * @param linkValidity        a reset link the agent asked for themselves
 * @param supportLinkValidity a reset link the help desk sent (the agent may read it the next day)
 * @param maxAttempts         wrong tries of one code before it is dead
 * @param perAccountPerHour   codes sent to one account in an hour, whatever the method
 * @param perIpPerHour        recovery requests from one address in an hour
 */
@ConfigurationProperties("preau.recovery")
public record RecoveryProperties(
        @DefaultValue("15m") Duration codeValidity,
        @DefaultValue("30m") Duration linkValidity,
        @DefaultValue("48h") Duration supportLinkValidity,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("5") int perAccountPerHour,
        @DefaultValue("30") int perIpPerHour) {}
