package dev.meshgate.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A generated GitOps repository for the checkout benchmark: a bare repository with many small YAML files and a long
 * history, written with {@code git fast-import} because committing file by file would take minutes.
 */
final class SyntheticRepository {

    private static final int FILES_CHANGED_PER_COMMIT = 10;

    private final GitBinary git;
    private final int files;
    private int commits;

    private SyntheticRepository(GitBinary git, int files) {
        this.git = git;
        this.files = files;
    }

    /** Creates the bare repository with the first commit holding every file and the rest changing a few each. */
    static SyntheticRepository create(Path bareDirectory, int files, int commits) {
        new GitBinary(bareDirectory.getParent()).run("init", "-q", "--bare", "-b", "main", bareDirectory.toString());
        SyntheticRepository repository = new SyntheticRepository(new GitBinary(bareDirectory), files);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < commits; i++) {
            // Within one stream fast-import continues the branch by itself.
            repository.appendCommit(stream, false);
        }
        repository.git.feed(stream.toByteArray(), "fast-import", "--quiet");
        return repository;
    }

    /** Adds one commit changing a few files; returns its id. */
    String commit() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        appendCommit(stream, true);
        git.feed(stream.toByteArray(), "fast-import", "--quiet");
        return head();
    }

    String head() {
        return git.run("rev-parse", "refs/heads/main");
    }

    private void appendCommit(ByteArrayOutputStream stream, boolean onExistingBranch) {
        int number = commits++;
        StringBuilder commit = new StringBuilder();
        String message = "change " + number + "\n";
        commit.append("commit refs/heads/main\n")
                .append("committer meshgate <meshgate@example.com> ")
                .append(1_700_000_000L + number * 60L)
                .append(" +0000\n")
                .append("data ")
                .append(message.getBytes(StandardCharsets.UTF_8).length)
                .append('\n')
                .append(message);
        if (onExistingBranch) {
            commit.append("from refs/heads/main^0\n");
        }
        int first = number == 0 ? 0 : (number * FILES_CHANGED_PER_COMMIT) % files;
        int count = number == 0 ? files : Math.min(FILES_CHANGED_PER_COMMIT, files);
        for (int i = 0; i < count; i++) {
            int file = (first + i) % files;
            byte[] content = manifest(file, number).getBytes(StandardCharsets.UTF_8);
            commit.append("M 644 inline ")
                    .append(path(file))
                    .append("\ndata ")
                    .append(content.length)
                    .append('\n')
                    .append(new String(content, StandardCharsets.UTF_8))
                    .append('\n');
        }
        stream.writeBytes(commit.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String path(int file) {
        return "apps/team-" + (file / 100) + "/service-" + file + ".yaml";
    }

    private static String manifest(int file, int revision) {
        String name = "service-" + file;
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: %1$s
                  namespace: team-%2$d
                  labels:
                    revision: "%3$d"
                spec:
                  hosts:
                  - %1$s
                  http:
                  - route:
                    - destination:
                        host: %1$s
                        subset: v1
                      weight: %4$d
                    - destination:
                        host: %1$s
                        subset: v2
                      weight: %5$d
                """
                .formatted(name, file / 100, revision, 100 - revision % 100, revision % 100);
    }
}
