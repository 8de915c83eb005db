package fr.preau.mail.internal;

import fr.preau.mail.internal.mime.MimeParser;
import fr.preau.mail.internal.search.SearchIndexer;
import fr.preau.platform.BlobStore;
import fr.preau.platform.PreauProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the full-text index runs: in the server only, which owns the index directory (Lucene
 * allows one writer). The {@code preau admin} commands run beside a server that may hold it:
 * their store changes leave backlog rows ({@link IndexTrigger#NONE}) that the server applies.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnWebApplication
    SearchService searchService(PreauProperties preau, SearchProperties search, SearchBacklog backlog, JdbcClient jdbc,
                                BlobStore blobs, MimeParser parser) {
        SearchIndexer.Settings defaults = SearchIndexer.Settings.DEFAULT;
        return SearchService.open(preau.dataDir().resolve("index").resolve("mail"), backlog,
                new StoreDocuments(jdbc, blobs, parser),
                new SearchIndexer.Settings(defaults.batchSize(), search.commitInterval(), defaults.maxPending()));
    }

    @Bean
    @ConditionalOnNotWebApplication
    IndexTrigger noSearchIndex() {
        return IndexTrigger.NONE;
    }
}
