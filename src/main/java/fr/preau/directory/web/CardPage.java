package fr.preau.directory.web;

import fr.preau.directory.DirectoryEntry;

/** An agent's card in the directory. */
public record CardPage(DirectoryInterface ui, DirectoryEntry entry) {}
