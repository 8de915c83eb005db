package fr.preau.mail;

/** How much of its quota an account uses. */
public record QuotaUsage(long usedBytes, long limitBytes, int messages) {

    private static final long MB = 1024L * 1024L;

    /** Whether {@code size} more bytes still fit. */
    public boolean fits(long size) {
        return usedBytes + size <= limitBytes;
    }

    /** Percentage used, 0–100 (more when over quota), rounded down. */
    public int percent() {
        return limitBytes <= 0 ? 100 : (int) (usedBytes * 100 / limitBytes);
    }

    public long limitMegabytes() {
        return limitBytes / MB;
    }

    public static long megabytes(long mb) {
        return mb * MB;
    }
}
