/** Shared web building blocks (page context, form errors, client info) for every module's controllers. */
@org.springframework.modulith.NamedInterface("web")
package fr.preau.platform.web;
