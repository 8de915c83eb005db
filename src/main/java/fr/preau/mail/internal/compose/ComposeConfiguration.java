package fr.preau.mail.internal.compose;

import fr.preau.platform.BlobReferences;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The compose settings, and the uploads' references to blobs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComposeProperties.class)
class ComposeConfiguration {

    /** Uploads keep their blobs from the collector until sent, discarded or expired. */
    @Bean
    BlobReferences uploadBlobs() {
        return () -> "select blob_hash from mail_upload";
    }
}
