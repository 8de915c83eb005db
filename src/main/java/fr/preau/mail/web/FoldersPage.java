package fr.preau.mail.web;

import fr.preau.mail.Folder;
import fr.preau.platform.web.FieldErrors;

/**
 * The folder management page of the simplified interface: create, rename, move and delete
 * the user's own folders; {@code confirmDelete} when a deletion awaits confirmation;
 * {@code errors} and the typed values when a form was refused (nothing typed is lost).
 */
public record FoldersPage(String base, FolderTree tree, Notice notice, Folder confirmDelete, FieldErrors errors,
                          String typedName, Long typedParent, Long editedFolder) {

    public boolean editing(Folder f) {
        return editedFolder != null && editedFolder == f.id();
    }

    public String nameFor(Folder f) {
        return editing(f) && typedName != null ? typedName : f.leafName();
    }

    public String newName() {
        return editedFolder == null && typedName != null ? typedName : "";
    }

    /** Whether {@code candidate} can be the parent of {@code f} (not itself, not one of its subfolders). */
    public boolean canHold(Folder candidate, Folder f) {
        return candidate.id() != f.id() && !candidate.name().startsWith(f.name() + Folder.DELIMITER);
    }
}
