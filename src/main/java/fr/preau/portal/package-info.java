/**
 * Portal: the home page of each interface, help and troubleshooting with the help-desk
 * contacts; later news, documents, app links and help-desk tickets.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package fr.preau.portal;
