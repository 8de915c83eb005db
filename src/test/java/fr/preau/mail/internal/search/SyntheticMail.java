package fr.preau.mail.internal.search;

import fr.preau.mail.internal.search.IndexedMessage.Addr;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic but plausible mail of French school staff for {@link SearchBenchmark}: French
 * (70%) or English bodies of 150 to 600 words drawn from a Zipf distribution over a common
 * vocabulary followed by a long tail of made-up words (so that the term dictionary grows as
 * with real mail), elisions, sentences, a pool of correspondents at académie domains, and
 * attachments for 15% of the messages. Deterministic for a seed.
 */
final class SyntheticMail {

    static final String[] FRENCH = ("de la le et les des à l' un en du une que est pour qui dans par sur au pas plus "
            + "ne se ce il nous vous avec sont ou mais être avoir fait comme tout cette ces son sa ses leur nos vos votre notre "
            + "bien très aussi donc car si déjà encore faire merci bonjour cordialement madame monsieur réunion conseil classe "
            + "élève élèves professeur professeurs enseignant enseignants école collège lycée académie rectorat inspection "
            + "formation projet projets rapport budget année scolaire trimestre bulletin bulletins note notes examen "
            + "baccalauréat brevet calendrier emploi temps salle cours devoirs parents famille familles réunions semaine "
            + "lundi mardi mercredi jeudi vendredi matin après-midi soir demain hier aujourd'hui dossier document pièce "
            + "jointe équipe pédagogique direction principal proviseur secrétariat administration absence absences stage "
            + "sortie voyage inscription inscriptions dossiers candidature mutation poste postes service heures "
            + "supplémentaires remplacement congé maladie grève informatique ordinateur réseau mot passe compte messagerie "
            + "courriel adresse site plateforme évaluation évaluations compétences programme programmes mathématiques "
            + "français histoire géographie anglais espagnol allemand physique chimie sport musique arts technologie "
            + "philosophie économie cantine restauration transport sécurité exercice incendie santé infirmière médecin "
            + "conseiller orientation surveillant handicap inclusion accompagnement difficulté difficultés progrès "
            + "résultats moyenne appréciation appréciations délégués parents d'élèves procès-verbal ordre jour point "
            + "points question questions réponse proposition propositions décision vote validation signature convention "
            + "partenariat association foyer bibliothèque CDI manuel manuels commande livraison facture devis crédit "
            + "dépense dépenses subvention région département mairie commune préfecture ministère circulaire note de service "
            + "rentrée vacances Toussaint Noël hiver printemps été juillet août septembre octobre novembre décembre janvier "
            + "février mars avril mai juin prochain prochaine dernier dernière urgent important rappel information informations "
            + "confirmation annulation report modification changement nouveau nouvelle nouveaux nouvelles œuvre œuvres chœur "
            + "spectacle concert théâtre exposition musée visite piscine gymnase stade terrain atelier club élection").split(" ");

    static final String[] ENGLISH = ("the of and to a in is that for it on with as was be this are by at from have or an "
            + "not we you your our will can please thanks regards best dear hello meeting meetings report reports project "
            + "projects student students teacher teachers school schools course courses exam exams schedule week next last "
            + "monday tuesday wednesday thursday friday morning afternoon evening tomorrow yesterday today attached file files "
            + "document documents review update conference research paper papers deadline submission university department "
            + "budget grant proposal committee board agenda minutes draft final version comments feedback question questions "
            + "answer issue issues problem solution plan plans travel visit exchange partner partners programme program "
            + "erasmus application applications form forms registration workshop seminar lecture lectures class classes "
            + "grade grades result results term semester year years office room building library online platform account "
            + "password access support help request requests information confirm confirmation cancel change changes new "
            + "important urgent reminder invitation invite event events summer winter spring autumn holiday holidays").split(" ");

    static final String[] FIRST_NAMES = ("Jean Marie Pierre Anne Michel Catherine Philippe Isabelle Alain Sylvie Nicolas "
            + "Nathalie Christophe Sophie Stéphane Valérie Laurent Céline Olivier Sandrine Julien Aurélie Thomas Émilie "
            + "François Hélène Sébastien Camille Éric Claire Frédéric Chloé Patrick Léa Bernard Manon Daniel Inès Gérard "
            + "Zoé").split(" ");
    static final String[] LAST_NAMES = ("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
            + "Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefebvre Mercier Dupont Lambert "
            + "Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin "
            + "Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis "
            + "Lemaire Duval Joly").split(" ");
    static final String[] DOMAINS = {"ac-dijon.fr", "ac-lyon.fr", "ac-aix-marseille.fr", "ac-besancon.fr",
            "ac-grenoble.fr", "education.gouv.fr", "gmail.com", "orange.fr"};
    static final String[] EXTENSIONS = {"pdf", "pdf", "pdf", "docx", "odt", "xlsx", "ods", "jpg", "png", "pptx"};

    private static final String[] SYLLABLES = ("ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le "
            + "li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi "
            + "vo an en in on ou ai au eu oi é è ré té lé tion ment eur ette ique").split(" ");
    private static final int TAIL = 150_000;

    private final Random random;
    private final ZipfWords french;
    private final ZipfWords english;
    private final List<Addr> people = new ArrayList<>();

    SyntheticMail(long seed) {
        random = new Random(seed);
        String[] tail = tail(new Random(7)); // the same made-up words for every seed
        french = new ZipfWords(concat(FRENCH, tail));
        english = new ZipfWords(concat(ENGLISH, tail));
        for (String last : LAST_NAMES) {
            for (String first : FIRST_NAMES) {
                String address = Folding.fold(first + "." + last).replace(' ', '-') + "@"
                        + DOMAINS[people.size() % DOMAINS.length];
                people.add(new Addr(first + " " + last, address));
            }
        }
    }

    /** The vocabulary word of this rank (0 = most frequent) in French. */
    String frenchWord(int rank) {
        return french.words[rank];
    }

    IndexedMessage message(long id, long account, long folder, Instant newest, Duration span) {
        boolean inFrench = random.nextInt(10) < 7;
        ZipfWords words = inFrench ? french : english;
        Instant date = newest.minusSeconds((long) (random.nextDouble() * span.toSeconds()));
        int flags = (random.nextInt(10) < 7 ? IndexedMessage.SEEN : 0)
                | (random.nextInt(10) == 0 ? IndexedMessage.ANSWERED : 0)
                | (random.nextInt(30) == 0 ? IndexedMessage.FLAGGED : 0);
        String subject = (random.nextInt(4) == 0 ? "Re: " : "") + capitalize(sentence(words, 3 + random.nextInt(6), 400));
        String body = text(words, 150 + random.nextInt(451));
        List<String> names = new ArrayList<>();
        String attachmentText = "";
        if (random.nextInt(100) < 15) {
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                names.add(fileName(words));
            }
            if (random.nextBoolean()) {
                attachmentText = text(words, 100 + random.nextInt(200));
            }
        }
        Set<String> keywords = random.nextInt(20) == 0 ? Set.of("$Forwarded") : Set.of();
        return new IndexedMessage(id, account, folder, date.plusSeconds(30), date, 2_000 + body.length() * 2L
                + (names.isEmpty() ? 0 : 50_000 + random.nextInt(2_000_000)), flags, keywords, subject,
                List.of(person()), recipients(1 + random.nextInt(3)), random.nextInt(4) == 0 ? recipients(2) : List.of(),
                List.of(), body, names, attachmentText, !names.isEmpty());
    }

    private List<Addr> recipients(int n) {
        List<Addr> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(person());
        }
        return list;
    }

    private Addr person() {
        // a few correspondents write often
        int index = random.nextInt(3) == 0 ? random.nextInt(50) : random.nextInt(people.size());
        return people.get(index);
    }

    private String fileName(ZipfWords words) {
        String ext = EXTENSIONS[random.nextInt(EXTENSIONS.length)];
        return switch (random.nextInt(4)) {
            case 0 -> "Compte-rendu_" + words.common(random) + "_" + (2023 + random.nextInt(3)) + "." + ext;
            case 1 -> capitalize(words.common(random)) + capitalize(words.common(random)) + (2023 + random.nextInt(3)) + "." + ext;
            case 2 -> "IMG_" + (1000 + random.nextInt(9000)) + ".JPG";
            default -> words.common(random) + "-" + words.common(random) + "." + ext;
        };
    }

    private String text(ZipfWords words, int count) {
        StringBuilder text = new StringBuilder(count * 8);
        int left = count;
        while (left > 0) {
            int length = Math.min(left, 6 + random.nextInt(14));
            text.append(capitalize(sentence(words, length, Integer.MAX_VALUE))).append(random.nextInt(8) == 0 ? " ? " : ". ");
            if (random.nextInt(6) == 0) {
                text.append("\n\n");
            }
            left -= length;
        }
        return text.toString();
    }

    private String sentence(ZipfWords words, int count, int maxRank) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String word = words.next(random, maxRank);
            if (sentence.length() > 0 && !sentence.toString().endsWith("'")) {
                sentence.append(random.nextInt(15) == 0 ? ", " : " ");
            }
            sentence.append(word);
        }
        return sentence.toString();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String[] tail(Random random) {
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < TAIL) {
            StringBuilder word = new StringBuilder();
            for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }

    private static String[] concat(String[] head, String[] tail) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** Words drawn by rank with probability proportional to 1 / rank^1.2 (mail-like: the 400 commonest words make ~70%). */
    static final class ZipfWords {
        final String[] words;
        private final double[] cumulative;

        ZipfWords(String[] words) {
            this.words = words;
            cumulative = new double[words.length];
            double sum = 0;
            for (int i = 0; i < words.length; i++) {
                sum += Math.pow(i + 1, -1.2);
                cumulative[i] = sum;
            }
            for (int i = 0; i < words.length; i++) {
                cumulative[i] /= sum;
            }
        }

        String next(Random random, int maxRank) {
            int rank = Arrays.binarySearch(cumulative, random.nextDouble());
            rank = rank < 0 ? -rank - 1 : rank;
            rank = Math.min(rank, words.length - 1);
            if (rank >= maxRank) {
                rank = 20 + random.nextInt(Math.min(maxRank, 300));
            }
            return words[rank];
        }

        String common(Random random) {
            return Folding.fold(words[40 + random.nextInt(200)]).replaceAll("[^a-z]", "");
        }
    }
}
