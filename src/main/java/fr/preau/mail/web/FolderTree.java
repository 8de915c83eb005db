package fr.preau.mail.web;

import fr.preau.mail.Folder;
import fr.preau.mail.FolderRole;
import fr.preau.platform.web.PageContext;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The folders of an account as both interfaces show them: the role folders first in a fixed
 * order (Réception, Brouillons, Envoyés, Archives, Indésirables, Corbeille), then the user's
 * folders by path, each indented by its depth.
 */
public record FolderTree(List<Folder> folders) {

    private static final List<FolderRole> ORDER = List.of(FolderRole.INBOX, FolderRole.DRAFTS, FolderRole.SENT,
            FolderRole.ARCHIVE, FolderRole.JUNK, FolderRole.TRASH);

    public FolderTree {
        folders = folders.stream().sorted(Comparator
                        .comparingInt((Folder f) -> f.role() == null ? ORDER.size() : ORDER.indexOf(f.role()))
                        .thenComparing(f -> f.name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    /** The label of a folder: its translated role, else its own (last-level) name. */
    public static String label(Folder folder, PageContext ctx) {
        return folder.role() != null ? ctx.t(folder.role().labelKey()) : folder.leafName();
    }

    /** The full path label of a folder, for menus ("Projets / 2026"). */
    public static String pathLabel(Folder folder, PageContext ctx) {
        return folder.role() != null ? ctx.t(folder.role().labelKey()) : folder.name().replace("/", " / ");
    }

    public Optional<Folder> byRole(FolderRole role) {
        return folders.stream().filter(f -> f.role() == role).findFirst();
    }

    public Folder inbox() {
        return byRole(FolderRole.INBOX).orElseThrow();
    }

    public Optional<Folder> byId(long id) {
        return folders.stream().filter(f -> f.id() == id).findFirst();
    }

    /** The user's own folders (those that can be renamed, moved and deleted). */
    public List<Folder> own() {
        return folders.stream().filter(f -> f.role() == null).toList();
    }
}
