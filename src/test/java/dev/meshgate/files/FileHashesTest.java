package dev.meshgate.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File hashes across runs: a file whose stamp did not change is not read again, any write to it is seen (even one
 * that keeps its size), and a file that changed too recently to tell a second write apart is not remembered.
 */
class FileHashesTest {

    private static final String HELLO = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    private static final String JELLO = "b0d4a1d6f5d8fc3b4d8ac29bc0d0f0b5c49a4d1ae7aa1d4bd6dbc0d9b2e3d1aa";
    // Ten seconds from now: every file written by the test has settled by then.
    private static final LongSupplier LATER = () -> System.currentTimeMillis() + 10_000;

    @TempDir
    Path folder;

    private Path memo() {
        return folder.resolve("memo/file-hashes.txt");
    }

    private Path file(String text) throws IOException {
        Path file = folder.resolve("values.yaml");
        Files.writeString(file, text);
        return file;
    }

    /** One run that hashes the file and saves the memo. */
    private void hashedInARun(Path file, LongSupplier clock) throws IOException {
        FileHashes run = FileHashes.rememberedIn(memo(), clock);
        run.sha256(file);
        run.save();
    }

    @Test
    void aFileIsHashedByItsContents() throws IOException {
        Path file = file("hello\n");

        assertThat(FileHashes.forOneRun().sha256(file)).isEqualTo(HELLO);
        assertThat(FileHashes.rememberedIn(memo(), LATER).sha256(file)).isEqualTo(HELLO);
    }

    @Test
    void aLaterRunTakesAnUnchangedFilesHashFromTheMemoWithoutReadingIt() throws IOException {
        Path file = file("hello\n");
        hashedInARun(file, LATER);
        // What the memo says is believed while the stamp matches: proven by a hash the contents do not have.
        Files.writeString(memo(), Files.readString(memo()).replace(HELLO, JELLO));

        assertThat(FileHashes.rememberedIn(memo(), LATER).sha256(file)).isEqualTo(JELLO);
    }

    @Test
    void aHashIsRememberedWithoutReadingOnlyWhileTheFileIsAsTheMemoSaysOrWasHashedThisRun() throws IOException {
        Path file = file("hello\n");
        assertThat(FileHashes.rememberedIn(memo(), LATER).remembered(file)).isEmpty();

        hashedInARun(file, LATER);
        assertThat(FileHashes.rememberedIn(memo(), LATER).remembered(file)).contains(HELLO);

        Files.writeString(file, "hellö\n");
        FileHashes run = FileHashes.rememberedIn(memo(), LATER);
        assertThat(run.remembered(file)).isEmpty();
        String hash = run.sha256(file);
        assertThat(run.remembered(file)).contains(hash);
        assertThat(hash).isNotEqualTo(HELLO);
    }

    @Test
    void aWriteThatKeepsTheSizeIsSeen() throws IOException {
        Path file = file("hello\n");
        hashedInARun(file, LATER);

        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(file);
        Files.writeString(file, "jello\n");
        // The test's clock says the first hashing was long after the first write; so is this one, in a later tick.
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(written.toMillis() + 2_000));

        assertThat(FileHashes.rememberedIn(memo(), LATER).sha256(file)).isNotEqualTo(HELLO);
    }

    @Test
    void aFileChangedJustNowIsNotRemembered() throws IOException {
        Path file = file("hello\n");
        hashedInARun(file, System::currentTimeMillis);

        assertThat(Files.readString(memo())).doesNotContain(HELLO);
    }

    @Test
    void aMemoKeepsOnlyWhatTheLastRunHashed() throws IOException {
        Path file = file("hello\n");
        Path other = folder.resolve("other.yaml");
        Files.writeString(other, "other\n");
        FileHashes first = FileHashes.rememberedIn(memo(), LATER);
        first.sha256(file);
        first.sha256(other);
        first.save();

        FileHashes second = FileHashes.rememberedIn(memo(), LATER);
        second.sha256(file);
        second.save();

        assertThat(Files.readAllLines(memo()))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith(HELLO).endsWith(" " + file));
    }

    @Test
    void damagedMemoLinesAreHashedAgain() throws IOException {
        Path file = file("hello\n");
        Files.createDirectories(memo().getParent());
        Files.writeString(memo(), JELLO + " not a stamp " + file + "\nrubbish\n");

        assertThat(FileHashes.rememberedIn(memo(), LATER).sha256(file)).isEqualTo(HELLO);
    }
}
