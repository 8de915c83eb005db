package fr.preau.delivery.internal.submission;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The sending limits' settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubmissionProperties.class)
class SubmissionConfiguration {}
