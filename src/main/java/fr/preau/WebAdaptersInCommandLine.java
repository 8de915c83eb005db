package fr.preau;

import java.io.IOException;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * Leaves the web adapters ({@code fr.preau.<module>.web}: controllers, filters, page model
 * helpers) out of the {@code preau admin} context, which has no web server: the commands use
 * the modules' APIs only.
 */
class WebAdaptersInCommandLine implements TypeFilter, EnvironmentAware {

    private boolean commandLine;

    @Override
    public void setEnvironment(Environment environment) {
        this.commandLine = environment.getProperty("preau.cli", Boolean.class, false);
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        return commandLine && reader.getClassMetadata().getClassName().matches("fr\\.preau\\.\\w+\\.web\\..*");
    }
}
