package fr.preau.delivery.internal.auth;

import fr.preau.delivery.internal.dns.Dns;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.exceptions.TimeoutException;

/**
 * jSPF's {@link DNSService} on our {@link Dns}, so that SPF works the same on real resolvers
 * and on a local zone. Like jSPF's own dnsjava service it answers {@code null} for "no
 * record" and mutable lists otherwise (jSPF consumes them), and turns a temporary failure into
 * jSPF's {@link TimeoutException} (a {@code temperror}). The obsolete SPF record type (99) is
 * never asked: RFC 7208 dropped it, so it answers "none" and jSPF goes on with TXT.
 */
final class JspfDns implements DNSService {

    private final Dns dns;
    private final String receivingHost;
    private int recordLimit = 10;

    JspfDns(Dns dns, String receivingHost) {
        this.dns = dns;
        this.receivingHost = receivingHost;
    }

    @Override
    public List<String> getRecords(DNSRequest request) throws TimeoutException {
        String name = request.getHostname();
        try {
            List<String> records = new ArrayList<>();
            switch (request.getRecordType()) {
                case DNSRequest.A -> dns.addresses(name).stream().filter(Inet4Address.class::isInstance)
                        .map(InetAddress::getHostAddress).forEach(records::add);
                case DNSRequest.AAAA -> dns.addresses(name).stream().filter(Inet6Address.class::isInstance)
                        .map(InetAddress::getHostAddress).forEach(records::add);
                case DNSRequest.MX -> dns.mx(name).forEach(mx -> records.add(mx.host()));
                case DNSRequest.TXT -> records.addAll(dns.txt(name));
                case DNSRequest.PTR -> records.addAll(ptr(name));
                default -> { } // SPF (type 99) and anything else: no record
            }
            return records.isEmpty() ? null : records;
        } catch (Dns.TemporaryFailure e) {
            throw new TimeoutException(e.getMessage());
        }
    }

    /** jSPF asks PTR by reverse name; our {@link Dns} asks by address. */
    private List<String> ptr(String reverseName) {
        InetAddress address = ReverseNames.address(reverseName);
        return address == null ? List.of() : dns.reverse(address);
    }

    @Override
    public CompletionStage<List<String>> getRecordsAsync(DNSRequest request) {
        try {
            return CompletableFuture.completedFuture(getRecords(request));
        } catch (TimeoutException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public List<String> getLocalDomainNames() {
        return receivingHost == null || receivingHost.isBlank() ? List.of() : List.of(receivingHost);
    }

    @Override
    public void setTimeOut(int timeOut) {
        // the timeout belongs to our Dns
    }

    @Override
    public int getRecordLimit() {
        return recordLimit;
    }

    @Override
    public void setRecordLimit(int recordLimit) {
        this.recordLimit = recordLimit;
    }
}
