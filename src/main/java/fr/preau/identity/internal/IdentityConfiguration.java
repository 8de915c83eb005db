package fr.preau.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The identity module's own settings. */
@Configuration
@EnableConfigurationProperties({RecoveryProperties.class, PasswordLifecycleProperties.class})
class IdentityConfiguration {}
