package fr.preau.mail.internal;

import fr.preau.mail.Folder;
import fr.preau.platform.UserError;
import java.text.Normalizer;
import java.util.Locale;

/** Rules for the name of a user folder, checked wherever one is created or renamed. */
public final class FolderNames {

    public static final int MAX_LEAF = 100;
    public static final int MAX_PATH = 500;

    private FolderNames() {}

    /** The leaf name as it will be stored (NFC, trimmed), or a refusal saying what is wrong. */
    public static String checkLeaf(String name) {
        String leaf = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        if (leaf.isEmpty()) {
            throw UserError.onField("name", "mail.error.folder-name-empty");
        }
        if (leaf.length() > MAX_LEAF) {
            throw UserError.onField("name", "mail.error.folder-name-too-long", MAX_LEAF);
        }
        if (leaf.equals(".") || leaf.equals("..")) {
            throw UserError.onField("name", "mail.error.folder-name-invalid");
        }
        for (int i = 0; i < leaf.length(); i++) {
            char c = leaf.charAt(i);
            if (c == Folder.DELIMITER || c == '*' || c == '%' || Character.isISOControl(c)) {
                throw UserError.onField("name", "mail.error.folder-name-character", String.valueOf(c == Folder.DELIMITER ? c : '?'));
            }
        }
        return leaf;
    }

    public static String join(String parentPath, String leaf) {
        String path = parentPath == null ? leaf : parentPath + Folder.DELIMITER + leaf;
        if (path.length() > MAX_PATH) {
            throw UserError.onField("name", "mail.error.folder-name-too-long", MAX_LEAF);
        }
        return path;
    }

    /** Folder names compare without case (a user cannot have both "Projets" and "projets"). */
    public static String key(String path) {
        return path.toLowerCase(Locale.ROOT);
    }

    public static boolean isInbox(String path) {
        return path.equalsIgnoreCase("INBOX");
    }
}
