package fr.preau.demo;

import fr.preau.tenancy.AcademyDraft;
import fr.preau.tenancy.HelpDesk;
import fr.preau.tenancy.Tenancy;
import java.util.List;

/**
 * The demo académies, their real départements and a few établissements. Phone numbers are
 * taken from the ranges ARCEP reserves for fiction, so that nobody is called by mistake; UAI
 * codes are valid in form (a few are the schools' real ones).
 */
final class DemoTenancy {

    record Dept(String code, String name, String phone) {}

    record School(String department, String uai, String name, String city) {}

    record Academy(String code, String name, String domain, String numenCode, String phone, String email,
                   List<Dept> departments, List<School> schools) {}

    static final String HOURS = "Mo-Fr 08:00-12:00,13:30-17:30";
    static final String DSDEN_HOURS = "Mo-Th 08:30-12:00,13:30-17:00; Fr 08:30-12:00,13:30-16:30";

    static final List<Academy> ACADEMIES = List.of(
            new Academy("dijon", "Académie de Dijon", "ac-dijon.fr", "07", "03 53 73 00 00", "assistance@ac-dijon.fr",
                    List.of(new Dept("21", "Côte-d'Or", "03 53 73 00 21"),
                            new Dept("58", "Nièvre", "03 53 73 00 58"),
                            new Dept("71", "Saône-et-Loire", "03 53 73 00 71"),
                            new Dept("89", "Yonne", "03 53 73 00 89")),
                    List.of(new School("21", "0210015C", "Lycée Carnot", "Dijon"),
                            new School("21", "0211090W", "Collège Le Parc", "Dijon"),
                            new School("21", "0211234C", "Rectorat de l'académie de Dijon", "Dijon"),
                            new School("21", "0211928G", "DSDEN de la Côte-d'Or", "Dijon"),
                            new School("58", "0580031U", "Lycée Jules-Renard", "Nevers"),
                            new School("71", "0710010A", "Lycée Pontus-de-Tyard", "Chalon-sur-Saône"),
                            new School("89", "0890003V", "Lycée Jacques-Amyot", "Auxerre"),
                            new School("58", "0581928F", "DSDEN de la Nièvre", "Nevers"),
                            new School("71", "0711928K", "DSDEN de Saône-et-Loire", "Mâcon"),
                            new School("89", "0891928M", "DSDEN de l'Yonne", "Auxerre"))),
            new Academy("lyon", "Académie de Lyon", "ac-lyon.fr", "10", "04 65 71 00 00", "assistance@ac-lyon.fr",
                    List.of(new Dept("01", "Ain", "04 65 71 00 01"),
                            new Dept("42", "Loire", "04 65 71 00 42"),
                            new Dept("69", "Rhône", "04 65 71 00 69")),
                    List.of(new School("69", "0690026D", "Lycée du Parc", "Lyon"),
                            new School("69", "0691664J", "Collège Jean-Moulin", "Lyon"),
                            new School("69", "0691234S", "Rectorat de l'académie de Lyon", "Lyon"),
                            new School("01", "0010010F", "Lycée Lalande", "Bourg-en-Bresse"),
                            new School("42", "0420013L", "Lycée Claude-Fauriel", "Saint-Étienne"),
                            new School("01", "0011928R", "DSDEN de l'Ain", "Bourg-en-Bresse"),
                            new School("42", "0421928T", "DSDEN de la Loire", "Saint-Étienne"),
                            new School("69", "0691928W", "DSDEN du Rhône", "Lyon"))),
            new Academy("aix-marseille", "Académie d'Aix-Marseille", "ac-aix-marseille.fr", "02", "04 65 71 02 00",
                    "assistance@ac-aix-marseille.fr",
                    List.of(new Dept("04", "Alpes-de-Haute-Provence", "04 65 71 02 04"),
                            new Dept("05", "Hautes-Alpes", "04 65 71 02 05"),
                            new Dept("13", "Bouches-du-Rhône", "04 65 71 02 13"),
                            new Dept("84", "Vaucluse", "04 65 71 02 84")),
                    List.of(new School("13", "0130040Y", "Lycée Thiers", "Marseille"),
                            new School("13", "0131321R", "Collège Longchamp", "Marseille"),
                            new School("13", "0131234W", "Rectorat de l'académie d'Aix-Marseille", "Aix-en-Provence"),
                            new School("84", "0840004Y", "Lycée Frédéric-Mistral", "Avignon"),
                            new School("05", "0050007F", "Lycée Dominique-Villars", "Gap"),
                            new School("04", "0040010P", "Lycée Alexandra-David-Néel", "Digne-les-Bains"),
                            new School("04", "0041928Z", "DSDEN des Alpes-de-Haute-Provence", "Digne-les-Bains"),
                            new School("05", "0051928U", "DSDEN des Hautes-Alpes", "Gap"),
                            new School("13", "0131928A", "DSDEN des Bouches-du-Rhône", "Marseille"),
                            new School("84", "0841928P", "DSDEN de Vaucluse", "Avignon"))));

    private DemoTenancy() {}

    /** Creates what is missing; returns true if anything was created. */
    static boolean ensure(Tenancy tenancy, String actor) {
        boolean created = false;
        for (Academy a : ACADEMIES) {
            if (tenancy.academy(a.code()).isEmpty()) {
                tenancy.createAcademy(actor, new AcademyDraft(a.code(), a.name(), a.domain(), a.numenCode(),
                        new HelpDesk(a.phone(), HOURS, a.email())));
                created = true;
            }
            for (Dept d : a.departments()) {
                if (tenancy.department(d.code()).isEmpty()) {
                    tenancy.createDepartment(actor, a.code(), d.code(), d.name(),
                            new HelpDesk(d.phone(), DSDEN_HOURS, "assistance-dsden" + d.code().toLowerCase() + "@" + a.domain()));
                }
            }
            for (School s : a.schools()) {
                if (tenancy.establishment(s.uai()).isEmpty()) {
                    tenancy.createEstablishment(actor, s.department(), s.uai(), s.name(), s.city());
                }
            }
        }
        return created;
    }
}
