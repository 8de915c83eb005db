package fr.preau.admin;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The Spring context of {@code preau admin}: every module of Préau (their APIs, repositories,
 * the database and its migrations) but none of their web adapters ({@code fr.preau.*.web}),
 * which need a servlet container and have nothing to do in a one-shot command.
 *
 * <p>Deliberately neither {@code @Configuration} nor {@code @SpringBootConfiguration}: the
 * server's component scan must not pick it up, and Spring Boot tests must keep finding
 * {@code fr.preau.PreauApplication} as the one application configuration.
 */
@ImportAutoConfiguration({
        org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
        org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration.class,
        org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
        org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration.class,
        org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration.class,
        org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration.class,
        org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration.class,
        org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration.class,
        org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration.class})
// by name, not by class: fr.preau.PreauApplication already depends on this module (it starts AdminCli)
@ComponentScan(basePackages = "fr.preau", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "fr\\.preau\\.[a-z]+\\.web\\..*"),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "fr\\.preau\\.PreauApplication")})
class CliContext {

    /** Migrates only a database that is behind; see {@link CliSchema}. */
    @Bean
    CliSchema cliSchema(DataSource dataSource) {
        return new CliSchema(dataSource);
    }
}
