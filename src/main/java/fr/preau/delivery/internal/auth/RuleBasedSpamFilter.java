package fr.preau.delivery.internal.auth;

import fr.preau.delivery.internal.dns.Dns;
import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * The built-in spam filter: a handful of clear rules aimed at obvious spam and at the
 * phishing that targets académie staff, each with a score; the message is spam from
 * {@code preau.spam.threshold} (5 by default). One strong sign (a DMARC reject failure, a
 * spoofed hosted domain, an executable attachment, an académie name on an outside address)
 * is enough; weaker signs (SPF fail, a misleading link, credential-phishing words with a
 * link, a shouted subject, a missing Date or Message-ID, a From domain that does not exist)
 * add up. Rules that need DNS score nothing when DNS cannot answer.
 */
public final class RuleBasedSpamFilter implements SpamFilter {

    /** A rule: its name (in X-Spam-Status), its score, and the test. */
    record Rule(String name, double score, Predicate<Facts> test) {}

    static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    static final Set<String> EXECUTABLE = Set.of("exe", "scr", "js", "jse", "vbs", "vbe", "bat", "cmd", "com", "pif",
            "jar", "iso", "img", "hta", "lnk", "msi", "ps1", "wsf", "cpl", "vhd", "vhdx");
    static final Set<String> DECOY = Set.of("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "txt",
            "rtf", "csv", "jpg", "jpeg", "png", "gif", "zip", "rar", "htm", "html", "mp3", "mp4");
    static final Set<String> MACRO_OFFICE = Set.of("docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppsm",
            "ppam", "sldm");

    /** Credential-phishing phrasing, without accents, lower case. */
    static final List<String> PHISHING_PHRASES = List.of(
            "verifiez votre compte", "verifier votre compte", "verification de votre compte",
            "confirmez votre compte", "confirmer votre compte", "validez votre compte", "valider votre compte",
            "boite aux lettres est pleine", "boite mail est pleine", "boite de reception est pleine",
            "messagerie est pleine", "quota de votre boite", "espace de stockage est plein",
            "mot de passe expire", "mot de passe va expirer", "mot de passe a expire", "expiration de votre mot de passe",
            "votre compte sera suspendu", "votre compte sera desactive", "votre compte sera ferme",
            "votre compte sera supprime", "votre compte sera bloque", "votre compte a ete suspendu",
            "votre compte a ete bloque", "reactiver votre compte", "debloquer votre compte",
            "mettre a jour vos informations", "conserver votre adresse", "messages en attente de livraison",
            "verify your account", "verify your email account", "confirm your account", "validate your account",
            "validate your mailbox", "mailbox quota exceeded", "mailbox is full", "mailbox has exceeded",
            "exceeded the storage limit", "your password expires", "your password will expire",
            "your password has expired", "password expiration notice", "account will be suspended",
            "account will be closed", "account will be deactivated", "account has been suspended",
            "account has been locked", "update your account", "unusual sign-in activity", "pending messages");

    private static final Pattern ACADEMIC_NAME = Pattern.compile("\\b(?:vice-rectorat|rectorat|education nationale"
            + "|ministere de l'education|dsden|inspection academique|region academique|ac-[a-z-]{3,}"
            + "|academie (?:de |d')\\s*(?:aix|amiens|besancon|bordeaux|caen|clermont|corse|creteil|dijon|grenoble"
            + "|guadeloupe|guyane|la reunion|lille|limoges|lyon|martinique|mayotte|montpellier|nancy|nantes|nice"
            + "|normandie|orleans|paris|poitiers|reims|rennes|rouen|strasbourg|toulouse|versailles))\\b");
    private static final Pattern ACADEMIC_DOMAIN = Pattern.compile(
            "(?:^|\\.)(?:ac-[a-z0-9-]+\\.fr|region-academique-[a-z0-9-]+\\.fr|[a-z0-9-]+\\.gouv\\.fr|education\\.fr)$");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
    private static final Pattern VISIBLE_URL = Pattern.compile(
            "^(?:https?://)?(?:www\\.)?((?:[a-z0-9-]+\\.)+[a-z]{2,})(?:[/:?#]\\S*)?$");
    private static final Pattern HOST = Pattern.compile("^[a-z][a-z0-9+.-]*://(?:[^@/?#]*@)?(\\[[^]]*]|[^/:?#]+)");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(?:\\.\\d{1,3}){3}$|^\\d{8,10}$|^0x[0-9a-f]+$");

    private final SpamProperties properties;
    private final HostedDomains hosted;
    private final Dns dns;
    private final List<Rule> rules;

    /**
     * @param dns where the From domain's existence is checked; {@code null} to skip that rule
     */
    public RuleBasedSpamFilter(SpamProperties properties, HostedDomains hosted, Dns dns) {
        this.properties = properties;
        this.hosted = hosted;
        this.dns = dns;
        this.rules = List.of(
                new Rule("GTUBE", 1000, f -> f.m.textBody().contains(GTUBE) || f.m.htmlBody().contains(GTUBE)),
                new Rule("SPF_FAIL", 3.0, f -> spf(f, SpfResult.Result.FAIL)),
                new Rule("SPF_SOFTFAIL", 1.0, f -> spf(f, SpfResult.Result.SOFTFAIL)),
                new Rule("DKIM_FAIL", 1.5, f -> f.m.dkim().stream().anyMatch(d -> d.result() == DkimResult.Result.FAIL)
                        && f.m.dkim().stream().noneMatch(DkimResult::passed)),
                new Rule("DMARC_FAIL_REJECT", 6.0, f -> dmarcFail(f, DmarcResult.Policy.REJECT)),
                new Rule("DMARC_FAIL_QUARANTINE", 4.0, f -> dmarcFail(f, DmarcResult.Policy.QUARANTINE)),
                new Rule("DMARC_FAIL_NONE", 1.0, f -> dmarcFail(f, DmarcResult.Policy.NONE)),
                new Rule("FROM_HOSTED_UNAUTHENTICATED", 5.0, this::hostedButNotAuthenticated),
                new Rule("FROM_NAME_HOSTED_DOMAIN", 5.0, this::nameNamesAHostedDomain),
                new Rule("FROM_NAME_ACADEMIC", 5.0, this::academicNameFromOutside),
                new Rule("FROM_NAME_OTHER_ADDRESS", 3.0, RuleBasedSpamFilter::nameHoldsAnotherAddress),
                new Rule("FROM_DOMAIN_LOOKALIKE", 4.0, this::lookalikeDomain),
                new Rule("LINK_TEXT_MISMATCH", 3.0, RuleBasedSpamFilter::linkTextMismatch),
                new Rule("LINK_TO_IP", 2.5, f -> f.m.links().stream().map(l -> host(l.href())).anyMatch(RuleBasedSpamFilter::isIp)),
                new Rule("ATTACH_EXECUTABLE", 5.0, f -> f.m.attachmentNames().stream().anyMatch(n -> EXECUTABLE.contains(extension(n)))),
                new Rule("ATTACH_DOUBLE_EXTENSION", 3.0, f -> f.m.attachmentNames().stream().anyMatch(RuleBasedSpamFilter::doubleExtension)),
                new Rule("ATTACH_MACRO_OFFICE", 2.5, f -> f.m.attachmentNames().stream().anyMatch(n -> MACRO_OFFICE.contains(extension(n)))),
                new Rule("PHISHING_WORDS_WITH_LINK", 4.0, f -> !f.m.links().isEmpty()
                        && PHISHING_PHRASES.stream().anyMatch(f.text()::contains)),
                new Rule("SUBJECT_ALL_CAPS", 1.5, f -> shouted(f.m.subject())),
                new Rule("MISSING_DATE", 1.0, f -> !f.m.hasHeader("Date")),
                new Rule("MISSING_MESSAGE_ID", 1.0, f -> !f.m.hasHeader("Message-ID")),
                new Rule("FROM_DOMAIN_NOT_FOUND", 3.0, this::fromDomainDoesNotExist));
    }

    @Override
    public SpamVerdict check(InboundMessage message) {
        Facts facts = new Facts(message);
        double score = 0;
        List<String> matched = new ArrayList<>();
        for (Rule rule : rules) {
            boolean hit;
            try {
                hit = rule.test().test(facts);
            } catch (RuntimeException e) {
                hit = false; // a rule that cannot decide scores nothing
            }
            if (hit) {
                score += rule.score();
                matched.add(rule.name());
            }
        }
        boolean spam = score >= properties.threshold();
        boolean reject = properties.rejectThreshold() != null && score >= properties.rejectThreshold();
        return SpamVerdict.of(score, properties.threshold(), spam, reject, matched);
    }

    List<Rule> rules() {
        return rules;
    }

    /** The message with what several rules derive from it, computed once. */
    static final class Facts {
        final InboundMessage m;
        private String text;

        Facts(InboundMessage m) {
            this.m = m;
        }

        /** Subject, text and HTML text, without accents, lower case, spaces collapsed. */
        String text() {
            if (text == null) {
                String html = m.htmlBody().isBlank() ? "" : Jsoup.parse(m.htmlBody()).text();
                text = normalise(m.subject() + " \n " + m.textBody() + " \n " + html);
            }
            return text;
        }
    }

    private static boolean spf(Facts f, SpfResult.Result result) {
        return f.m.spf() != null && f.m.spf().result() == result;
    }

    private static boolean dmarcFail(Facts f, DmarcResult.Policy policy) {
        return f.m.dmarc() != null && f.m.dmarc().failed() && f.m.dmarc().policy() == policy;
    }

    private boolean hostedButNotAuthenticated(Facts f) {
        InboundMessage m = f.m;
        String from = m.fromDomain();
        if (!hosted.covers(from) || !m.envelope().user().isEmpty() || m.spf() == null && m.dmarc() == null) {
            return false;
        }
        boolean authenticated = m.dmarc() != null && m.dmarc().result() == DmarcResult.Result.PASS
                || m.spf() != null && m.spf().passed() && OrganizationalDomain.sameOrganization(m.spf().domain(), from)
                || m.dkim().stream().anyMatch(d -> d.passed() && OrganizationalDomain.sameOrganization(d.domain(), from));
        return !authenticated;
    }

    private boolean nameNamesAHostedDomain(Facts f) {
        String name = normalise(f.m.fromName());
        if (name.isBlank() || hosted.covers(f.m.fromDomain())) {
            return false;
        }
        for (String domain : hosted.all()) {
            String d = domain.toLowerCase(Locale.ROOT);
            String label = d.contains(".") ? d.substring(0, d.indexOf('.')) : d;
            if (containsWord(name, d) || label.length() >= 5 && containsWord(name, label)) {
                return true;
            }
        }
        return false;
    }

    private boolean academicNameFromOutside(Facts f) {
        String domain = f.m.fromDomain();
        return ACADEMIC_NAME.matcher(normalise(f.m.fromName())).find()
                && !hosted.covers(domain) && !ACADEMIC_DOMAIN.matcher(domain).find();
    }

    private static boolean nameHoldsAnotherAddress(Facts f) {
        String from = f.m.fromDomain();
        Matcher m = ADDRESS.matcher(f.m.fromName());
        while (m.find()) {
            if (!OrganizationalDomain.sameOrganization(m.group(1), from)) {
                return true;
            }
        }
        return false;
    }

    private boolean lookalikeDomain(Facts f) {
        String from = f.m.fromDomain();
        if (from.isEmpty() || hosted.covers(from)) {
            return false;
        }
        for (String domain : hosted.all()) {
            String d = domain.toLowerCase(Locale.ROOT);
            String label = d.contains(".") ? d.substring(0, d.indexOf('.')) : d;
            if (label.length() >= 5 && from.contains(label)) {
                return true;
            }
        }
        return false;
    }

    private static boolean linkTextMismatch(Facts f) {
        for (InboundMessage.Link link : f.m.links()) {
            String text = link.text().strip().toLowerCase(Locale.ROOT);
            Matcher visible = VISIBLE_URL.matcher(text);
            String target = host(link.href());
            if (!text.isEmpty() && visible.matches() && !target.isEmpty()
                    && !OrganizationalDomain.sameOrganization(visible.group(1), target)) {
                return true;
            }
        }
        return false;
    }

    private boolean fromDomainDoesNotExist(Facts f) {
        String domain = f.m.fromDomain();
        if (dns == null || domain.isEmpty()) {
            return false;
        }
        try {
            return dns.mx(domain).isEmpty() && dns.addresses(domain).isEmpty();
        } catch (Dns.TemporaryFailure e) {
            return false;
        }
    }

    /** The host of an http(s) or other hierarchical URL, lower case, without brackets; empty if none. */
    static String host(String href) {
        String h = href == null ? "" : href.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("mailto:") || h.startsWith("tel:")) {
            return "";
        }
        Matcher m = HOST.matcher(h);
        if (m.find()) {
            String host = m.group(1);
            if (host.startsWith("[") && host.endsWith("]")) {
                return host;
            }
            try {
                String decoded = URI.create("http://" + host).getHost();
                return decoded == null ? host : decoded;
            } catch (IllegalArgumentException e) {
                return host;
            }
        }
        return "";
    }

    static boolean isIp(String host) {
        return !host.isEmpty() && (host.startsWith("[") || IPV4.matcher(host).matches());
    }

    static String extension(String fileName) {
        String n = cleanName(fileName);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }

    static boolean doubleExtension(String fileName) {
        if (fileName.indexOf('\u202e') >= 0) {
            return true; // right-to-left override hides the real extension
        }
        String n = cleanName(fileName);
        if (!EXECUTABLE.contains(extension(n))) {
            return false;
        }
        String rest = n.substring(0, n.lastIndexOf('.')).strip();
        return DECOY.contains(extension(rest));
    }

    private static String cleanName(String fileName) {
        return fileName.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s.]+$", "").replaceAll("\\s+", " ");
    }

    static boolean shouted(String subject) {
        int upper = 0;
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isUpperCase(c)) {
                upper++;
            }
        }
        return upper >= 10;
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(word) + "(?![a-z0-9-])").matcher(text).find();
    }

    /** Lower case, accents and typographic apostrophes removed, white space collapsed. */
    static String normalise(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return n.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
    }
}
