package fr.preau.delivery.internal.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Tenancy;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The hosted domains are the académies' mail domains, re-read at most once a minute. */
final class TenancyHostedDomains implements HostedDomains {

    private final LoadingCache<String, Set<String>> domains;

    TenancyHostedDomains(Tenancy tenancy) {
        this.domains = Caffeine.newBuilder().maximumSize(1).refreshAfterWrite(Duration.ofMinutes(1))
                .build(key -> tenancy.academies().stream().map(Academy::mailDomain)
                        .filter(d -> d != null && !d.isBlank())
                        .map(d -> d.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public Set<String> all() {
        return domains.get("all");
    }
}
