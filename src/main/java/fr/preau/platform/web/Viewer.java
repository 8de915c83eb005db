package fr.preau.platform.web;

/** What the page layout needs to know of the signed-in person; implemented by the identity module's principal. */
public interface Viewer {

    String displayName();

    /** True when the person chose the simplified interface for this session. */
    boolean simplifiedInterface();
}
