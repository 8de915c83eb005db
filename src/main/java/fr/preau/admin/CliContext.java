package fr.preau.admin;

import fr.preau.PreauApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The Spring context of {@code preau admin}: every module of Préau (their APIs, repositories,
 * the database and its migrations) but none of their web adapters ({@code fr.preau.*.web}),
 * which need a servlet container and have nothing to do in a one-shot command.
 *
 * <p>Deliberately neither {@code @Configuration} nor {@code @SpringBootConfiguration}: the
 * server's component scan must not pick it up, and Spring Boot tests must keep finding
 * {@link PreauApplication} as the one application configuration.
 */
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = PreauApplication.class, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "fr\\.preau\\.[a-z]+\\.web\\..*"),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = PreauApplication.class)})
class CliContext {}
