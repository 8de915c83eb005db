package fr.preau.platform;

/**
 * Declared by each module that stores blob hashes: a SQL query returning the hashes it still
 * references (e.g. {@code select blob_hash from message}). The blob collector keeps every
 * blob that one of them returns.
 */
public interface BlobReferences {

    /** A {@code select} of one column of blob hashes; it may return duplicates. */
    String referencingQuery();
}
