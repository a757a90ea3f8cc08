package dev.meshgate.git;

import dev.meshgate.testing.GitCommandLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A repository built with the git binary, as a forge would hold it: commits, branches, pull-request refs. */
final class SourceRepository {

    private final Path directory;
    private final GitCommandLine git;

    private SourceRepository(Path directory) {
        this.directory = directory;
        this.git = new GitCommandLine(directory);
    }

    static SourceRepository create(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SourceRepository repository = new SourceRepository(directory);
        repository.git.run("init", "-q", "-b", "main");
        // git daemon would otherwise refuse wants of commits that only hidden refs reach.
        repository.git.run("config", "uploadpack.allowReachableSHA1InWant", "true");
        return repository;
    }

    Path directory() {
        return directory;
    }

    /** Writes the files (path → content) and commits them; returns the new commit's id. */
    String commit(Map<String, String> files) {
        files.forEach(this::write);
        git.run("add", "-A");
        git.run("commit", "-q", "--allow-empty", "-m", "change " + files.keySet());
        return head();
    }

    void write(String path, String content) {
        try {
            Path file = directory.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits a submodule at the path: its .gitmodules entry and a gitlink to the commit. */
    String commitSubmodule(String path, String url, String commit) {
        write(".gitmodules", "[submodule \"" + path + "\"]\n\tpath = " + path + "\n\turl = " + url + "\n");
        git.run("add", ".gitmodules");
        git.run("update-index", "--add", "--cacheinfo", "160000," + commit + "," + path);
        git.run("commit", "-q", "-m", "submodule " + path);
        return head();
    }

    String head() {
        return git.run("rev-parse", "HEAD");
    }

    String git(String... arguments) {
        return git.run(arguments);
    }
}
