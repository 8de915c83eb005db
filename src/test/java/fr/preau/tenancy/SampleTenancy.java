package fr.preau.tenancy;

/**
 * Two académies for tests, created through {@link Tenancy} (so they pass its checks):
 * Dijon (ac-dijon.fr, NUMEN code 07) with the Côte-d'Or (21) and two établissements, and
 * Lyon (ac-lyon.fr, 10) with the Rhône (69) and one.
 */
public record SampleTenancy(Academy dijon, Department coteDor, Establishment carnot, Establishment beaune,
                            Academy lyon, Department rhone, Establishment parc) {

    public static final String CARNOT = "0210015C";
    public static final String BEAUNE = "0211234C";
    public static final String PARC = "0690026D";
    public static final String HOURS = "Mo-Fr 08:00-12:00,13:30-17:00";

    public static SampleTenancy create(Tenancy tenancy) {
        String actor = "test";
        Academy dijon = tenancy.createAcademy(actor, new AcademyDraft("dijon", "Académie de Dijon", "ac-dijon.fr",
                "07", new HelpDesk("03 80 44 84 00", HOURS, "assistance@ac-dijon.fr")));
        Department coteDor = tenancy.createDepartment(actor, "dijon", "21", "Côte-d'Or",
                new HelpDesk("03 45 62 75 00", HOURS, null));
        Establishment carnot = tenancy.createEstablishment(actor, "21", CARNOT, "Lycée Carnot", "Dijon");
        Establishment beaune = tenancy.createEstablishment(actor, "21", BEAUNE, "Collège Monge", "Beaune");
        Academy lyon = tenancy.createAcademy(actor, new AcademyDraft("lyon", "Académie de Lyon", "ac-lyon.fr",
                "10", new HelpDesk("04 72 80 60 60", HOURS, null)));
        Department rhone = tenancy.createDepartment(actor, "lyon", "69", "Rhône",
                new HelpDesk("04 72 80 69 69", "Mo-Fr 08:30-17:00; Sa 09:00-12:00", null));
        Establishment parc = tenancy.createEstablishment(actor, "69", PARC, "Lycée du Parc", "Lyon");
        return new SampleTenancy(dijon, coteDor, carnot, beaune, lyon, rhone, parc);
    }
}
