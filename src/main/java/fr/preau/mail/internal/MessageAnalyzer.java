package fr.preau.mail.internal;

import java.io.IOException;
import java.io.InputStream;

/** Reads a raw message into what the store keeps of it; never fails on malformed mail. */
public interface MessageAnalyzer {

    ParsedForStore analyze(InputStream raw) throws IOException;
}
