package fr.preau.mail.internal;

import fr.preau.platform.BlobReferences;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mail store's settings, its message analyser, and its references to blobs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    @Bean
    MessageAnalyzer messageAnalyzer(fr.preau.mail.internal.mime.MimeParser parser) {
        return new MimeAnalyzer(parser);
    }

    /** Messages keep their blobs from the collector. */
    @Bean
    BlobReferences messageBlobs() {
        return () -> "select blob_hash from message";
    }
}
