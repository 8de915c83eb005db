package fr.preau;

import fr.preau.admin.AdminCli;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one entry point of the one jar:
 * <pre>
 *   preau demo      start with embedded storage in ./data-demo and demo académies and accounts
 *   preau serve     start for production (configuration from application.yml and PREAU_* variables)
 *   preau admin ... provisioning and operations, with or without a running server
 * </pre>
 */
@SpringBootApplication
public class PreauApplication {

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "serve" -> serve(rest, false);
            case "demo" -> serve(rest, true);
            case "admin" -> System.exit(AdminCli.run(rest));
            default -> {
                System.err.println("""
                        Usage: preau demo | serve | admin <group> <command> [options]
                          demo    start Préau with embedded storage in ./data-demo and demo data
                          serve   start Préau (configuration from application.yml and PREAU_* variables)
                          admin   provisioning and operations; 'preau admin --help' lists the commands""");
                System.exit(command.isEmpty() || command.equals("--help") || command.equals("-h") ? 0 : 2);
            }
        }
    }

    private static void serve(String[] args, boolean demo) {
        if (Runtime.getRuntime().availableProcessors() <= 2 && System.getProperty("spring.backgroundpreinitializer.ignore") == null) {
            // on a small machine Spring Boot's background warm-up competes with the start itself
            System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        }
        SpringApplication application = new SpringApplication(PreauApplication.class);
        if (demo) {
            // application-demo.yml: data in ./data-demo, demo académies and accounts
            application.setAdditionalProfiles("demo");
        }
        application.run(args);
    }
}
