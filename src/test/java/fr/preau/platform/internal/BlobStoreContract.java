package fr.preau.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.platform.BlobStore;
import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blobs on files with their claims in the database, and the collector, on each database. */
abstract class BlobStoreContract extends DatabaseContract {

    @TempDir
    Path root;

    MutableClock clock = MutableClock.start();
    FileBlobStore store;

    @BeforeEach
    void setUp() {
        store = new FileBlobStore(root, db.jdbc(), clock);
        db.jdbc().sql("create table if not exists test_blob_ref (blob_hash char(64))").update();
        db.jdbc().sql("delete from test_blob_ref").update();
    }

    BlobStore.Blob write(String text) throws Exception {
        return store.write(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void blobsAreContentAddressedAndStoredOnce() throws Exception {
        BlobStore.Blob a = write("hello");
        BlobStore.Blob b = write("hello");
        assertThat(a).isEqualTo(b);
        assertThat(a.hash()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(a.size()).isEqualTo(5);
        try (InputStream in = store.open(a.hash())) {
            assertThat(in.readAllBytes()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        }
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("no temporary file left").hasSize(1);
        }
        assertThatThrownBy(() -> store.open("0".repeat(64))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClaimRecordsTheBlobAndFailsWhenTheBytesAreGone() throws Exception {
        BlobStore.Blob a = write("claimed");
        db.transaction().executeWithoutResult(s -> store.claim(a));
        db.transaction().executeWithoutResult(s -> store.claim(a));
        assertThat(db.count("blob")).isEqualTo(1);
        store.delete(a.hash());
        assertThatThrownBy(() -> db.transaction().executeWithoutResult(s -> store.claim(a)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theCollectorRemovesOnlyUnreferencedBlobsPastTheGrace() throws Exception {
        BlobStore.Blob kept = write("referenced");
        BlobStore.Blob young = write("young");
        BlobStore.Blob old = write("old and alone");
        db.transaction().executeWithoutResult(s -> {
            store.claim(kept);
            store.claim(old);
        });
        db.jdbc().sql("insert into test_blob_ref values (?)").param(kept.hash()).update();
        clock.advance(Duration.ofHours(30));
        db.transaction().executeWithoutResult(s -> store.claim(young));
        BlobCollector collector = new BlobCollector(db.jdbc(), store, List.of(() -> "select blob_hash from test_blob_ref"),
                db.transaction(), clock, Duration.ofDays(1));
        assertThat(collector.collect()).isEqualTo(1);
        assertThat(store.exists(old.hash())).isFalse();
        assertThat(store.exists(kept.hash())).isTrue();
        assertThat(store.exists(young.hash())).isTrue();
        assertThat(db.jdbc().sql("select hash from blob").query(String.class).list())
                .containsExactlyInAnyOrder(kept.hash(), young.hash());
        assertThat(collector.collect()).isZero();
    }
}
