package fr.preau.mail.internal.mime;

/** One 8 KB scratch buffer per thread for draining and copying streams (virtual threads keep it short-lived). */
final class Buffers {

    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[8192]);

    private Buffers() {}

    static byte[] get() {
        return BUFFER.get();
    }
}
