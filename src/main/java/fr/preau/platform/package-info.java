/**
 * Platform: configuration, data directory and secrets, audit log, settings and
 * maintenance, captcha, rate limits, i18n and the web layer's shared pieces.
 * Its API is the types in this package and in {@code platform.web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package fr.preau.platform;
