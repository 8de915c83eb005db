package fr.preau.admin.cli.domain;

import fr.preau.admin.cli.CliCommand;
import fr.preau.delivery.MailDomains;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preau admin domain dkim DOMAIN}: the DKIM record to publish (the key is made on first
 * use), with the SPF and DMARC records advised for the domain.
 */
@Command(name = "dkim")
public class DomainDkim extends CliCommand {

    @Parameters(paramLabel = "DOMAIN", descriptionKey = "domain")
    String domain;

    @Option(names = "--mx", paramLabel = "HOST", descriptionKey = "mx")
    String mxHost;

    @Override
    public Integer call() {
        String mx = mxHost != null ? mxHost : System.getenv().getOrDefault("PREAU_HOSTNAME", "mx." + domain);
        MailDomains.DnsAdvice advice = bean(MailDomains.class).dnsRecords(cli.actor(), domain, mx);
        say("cli.domain.dkim.title", advice.domain(), advice.selector());
        out().println(advice.dkimZoneLine());
        say("cli.domain.dkim.spf");
        out().println(advice.spfZoneLine());
        say("cli.domain.dkim.dmarc");
        out().println(advice.dmarcZoneLine());
        return 0;
    }
}
