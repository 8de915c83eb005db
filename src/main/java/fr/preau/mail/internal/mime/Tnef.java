package fr.preau.mail.internal.mime;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small streaming reader of TNEF ({@code winmail.dat}, {@code application/ms-tnef}, MS-OXTNEF)
 * that lists the files Outlook packed inside and streams one of them out, without holding the
 * TNEF data in memory: attributes are read in order and skipped by length; a file's name comes
 * from {@code attAttachTitle} or the MAPI properties ({@code PR_ATTACH_LONG_FILENAME}...), its
 * data from {@code attAttachData} or {@code PR_ATTACH_DATA_OBJ}. Broken or truncated TNEF gives
 * the files read so far. (jTNEF was not used: it is GPL-2.0 and reads everything into memory.)
 */
final class Tnef {

    static final long SIGNATURE = 0x223E9F78L;
    private static final long ATT_ATTACH_RENDDATA = 0x00069002L;
    private static final long ATT_ATTACH_TITLE = 0x00018010L;
    private static final long ATT_ATTACH_DATA = 0x0006800FL;
    private static final long ATT_ATTACHMENT = 0x00069005L;
    private static final long ATT_OEM_CODEPAGE = 0x00069007L;

    private static final int PR_DISPLAY_NAME = 0x3001;
    private static final int PR_ATTACH_DATA_OBJ = 0x3701;
    private static final int PR_ATTACH_FILENAME = 0x3704;
    private static final int PR_ATTACH_LONG_FILENAME = 0x3707;
    private static final int PR_ATTACH_MIME_TAG = 0x370E;
    private static final int PR_ATTACH_CONTENT_ID = 0x3712;

    private static final int MAX_FILES = 500;
    private static final int MAX_STRING = 32 * 1024;

    /** One file inside a TNEF part; {@code index} is what {@link #open} takes. */
    record TnefFile(int index, String name, String mediaType, String contentId, long size) {}

    private Tnef() {}

    static boolean isTnef(String mediaType, String filename) {
        return mediaType.equals("application/ms-tnef") || mediaType.equals("application/vnd.ms-tnef")
                || (filename != null && filename.toLowerCase(Locale.ROOT).equals("winmail.dat"));
    }

    /** The files inside a decoded TNEF stream (read to its end or as far as it goes). */
    static List<TnefFile> list(InputStream in) throws IOException {
        Walk walk = new Walk(new Reader(in), -1);
        walk.run();
        List<TnefFile> files = new ArrayList<>();
        for (Builder b : walk.files) {
            long size = b.dataSize >= 0 ? b.dataSize : b.objSize;
            if (size < 0) {
                continue;
            }
            String name = b.longName != null ? b.longName : b.shortName != null ? b.shortName
                    : b.title != null ? b.title : b.displayName;
            name = Filenames.clean(name);
            String type = b.mimeTag != null && b.mimeTag.indexOf('/') > 0 ? b.mimeTag.toLowerCase(Locale.ROOT)
                    : MediaTypes.guess(name);
            if (name == null) {
                name = "attachment-" + (b.index + 1) + MediaTypes.extension(type);
            }
            files.add(new TnefFile(b.index, name, type, b.contentId, size));
        }
        return files;
    }

    /** A stream over the data of file {@code index}, reading from {@code in}; null when there is no such file. */
    static InputStream open(InputStream in, int index) throws IOException {
        Walk walk = new Walk(new Reader(in), index);
        walk.run();
        return walk.found;
    }

    private static final class Builder {
        final int index;
        String title;
        String longName;
        String shortName;
        String displayName;
        String mimeTag;
        String contentId;
        long dataSize = -1;
        long objSize = -1;

        Builder(int index) {
            this.index = index;
        }
    }

    private static final class Walk {
        final Reader r;
        final int target;
        final List<Builder> files = new ArrayList<>();
        Charset codepage = Charsets.WINDOWS_1252;
        InputStream found;

        Walk(Reader r, int target) {
            this.r = r;
            this.target = target;
        }

        void run() throws IOException {
            try {
                if (r.u32() != SIGNATURE) {
                    return;
                }
                r.u16();
                Builder current = null;
                while (true) {
                    int level = r.read();
                    if (level < 0) {
                        return;
                    }
                    long id = r.u32();
                    long length = r.u32();
                    if (id == ATT_ATTACH_RENDDATA) {
                        if (files.size() >= MAX_FILES) {
                            return;
                        }
                        current = new Builder(files.size());
                        files.add(current);
                        r.skip(length);
                    } else if (id == ATT_ATTACH_TITLE && current != null && length <= MAX_STRING) {
                        current.title = string8(r.bytes((int) length), codepage);
                    } else if (id == ATT_ATTACH_DATA && current != null) {
                        current.dataSize = length;
                        if (current.index == target) {
                            found = r.bounded(length);
                            return;
                        }
                        r.skip(length);
                    } else if (id == ATT_ATTACHMENT && current != null) {
                        props(length, current);
                        if (found != null) {
                            return;
                        }
                    } else if (id == ATT_OEM_CODEPAGE && length >= 4 && length <= 64) {
                        long cp = r.u32();
                        r.skip(length - 4);
                        Charset charset = Charsets.forLabel("windows-" + cp);
                        if (charset == null) {
                            charset = Charsets.forLabel("cp" + cp);
                        }
                        if (charset != null) {
                            codepage = charset;
                        }
                    } else {
                        r.skip(length);
                    }
                    r.u16(); // checksum, not verified
                }
            } catch (EOFException e) {
                // truncated TNEF: keep what was read
            }
        }

        private void props(long length, Builder b) throws IOException {
            long end = r.position + length;
            long count = r.u32();
            for (long i = 0; i < count && i < 10_000 && r.position < end; i++) {
                int type = r.u16();
                int id = r.u16();
                if (id >= 0x8000) { // named property: GUID, kind, then an id or a name
                    r.skip(16);
                    long kind = r.u32();
                    if (kind == 0) {
                        r.skip(4);
                    } else {
                        long n = r.u32();
                        r.skip(padded(n));
                    }
                }
                boolean multi = (type & 0x1000) != 0;
                int base = type & 0x0fff;
                boolean variable = base == 0x1e || base == 0x1f || base == 0x102 || base == 0x0d;
                long values = multi || variable ? r.u32() : 1;
                if (values > 10_000) {
                    break;
                }
                for (long v = 0; v < values; v++) {
                    if (variable) {
                        long len = r.u32();
                        boolean string = base == 0x1e || base == 0x1f;
                        if (v == 0 && string && len <= MAX_STRING && isNameProperty(id)) {
                            byte[] bytes = r.bytes((int) len);
                            String s = base == 0x1f ? utf16(bytes) : string8(bytes, codepage);
                            set(b, id, s);
                            r.skip(padded(len) - len);
                        } else if (v == 0 && id == PR_ATTACH_DATA_OBJ && (base == 0x102 || base == 0x0d)) {
                            long skip = base == 0x0d && len >= 16 ? 16 : 0; // an object starts with its interface id
                            b.objSize = len - skip;
                            if (b.index == target && b.dataSize < 0) {
                                r.skip(skip);
                                found = r.bounded(len - skip);
                                return;
                            }
                            r.skip(padded(len));
                        } else {
                            r.skip(padded(len));
                        }
                    } else {
                        int size = fixedSize(base);
                        if (size < 0) {
                            r.skip(Math.max(0, end - r.position));
                            return;
                        }
                        r.skip(padded(size));
                    }
                }
            }
            if (r.position < end) {
                r.skip(end - r.position);
            }
        }
    }

    private static boolean isNameProperty(int id) {
        return id == PR_ATTACH_LONG_FILENAME || id == PR_ATTACH_FILENAME || id == PR_DISPLAY_NAME
                || id == PR_ATTACH_MIME_TAG || id == PR_ATTACH_CONTENT_ID;
    }

    private static void set(Builder b, int id, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        switch (id) {
            case PR_ATTACH_LONG_FILENAME -> b.longName = value;
            case PR_ATTACH_FILENAME -> b.shortName = value;
            case PR_DISPLAY_NAME -> b.displayName = value;
            case PR_ATTACH_MIME_TAG -> b.mimeTag = value.trim();
            case PR_ATTACH_CONTENT_ID -> b.contentId = value.trim();
            default -> { }
        }
    }

    private static int fixedSize(int base) {
        return switch (base) {
            case 0x0001 -> 0;
            case 0x0002, 0x000b -> 2;
            case 0x0003, 0x0004, 0x000a -> 4;
            case 0x0005, 0x0006, 0x0007, 0x0014, 0x0040 -> 8;
            case 0x0048 -> 16;
            default -> -1;
        };
    }

    private static long padded(long n) {
        return (n + 3) & ~3L;
    }

    private static String string8(byte[] bytes, Charset charset) {
        int len = bytes.length;
        while (len > 0 && bytes[len - 1] == 0) {
            len--;
        }
        if (Charsets.isValidUtf8(bytes, 0, len) && !Charsets.isAscii(bytes, 0, len)) {
            return new String(bytes, 0, len, StandardCharsets.UTF_8);
        }
        return Charsets.decode(bytes, 0, len, charset);
    }

    private static String utf16(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_16LE);
        int end = s.indexOf('\0');
        return end >= 0 ? s.substring(0, end) : s;
    }

    /** Little-endian reads over a stream, counting the position; every short read is an {@link EOFException}. */
    private static final class Reader {
        final InputStream in;
        long position;

        Reader(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        int u8() throws IOException {
            int b = read();
            if (b < 0) {
                throw new EOFException();
            }
            return b;
        }

        int u16() throws IOException {
            return u8() | (u8() << 8);
        }

        long u32() throws IOException {
            return (u16() & 0xffffL) | ((long) u16() << 16);
        }

        byte[] bytes(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            position += b.length;
            if (b.length < n) {
                throw new EOFException();
            }
            return b;
        }

        void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException();
                    }
                    skipped = 1;
                }
                left -= skipped;
                position += skipped;
            }
        }

        InputStream bounded(long length) {
            return new InputStream() {
                long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = in.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = in.read(buf, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        }
    }
}
