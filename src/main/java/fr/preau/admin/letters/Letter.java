package fr.preau.admin.letters;

/**
 * One activation letter, everything resolved and formatted: the agent, where they work, how
 * to sign in for the first time, and whom to call.
 */
public record Letter(
        String agentName,
        String establishment,
        String login,
        String email,
        String activationCode,
        String expiry,
        String firstConnectionUrl,
        String academyName,
        int passwordMinLength,
        String helpDeskName,
        String helpDeskPhone,
        String helpDeskHours,
        String helpDeskEmail) {}
