package dev.meshgate.bench;

import dev.meshgate.files.FileTrees;
import dev.meshgate.render.KustomizeRenderer;
import dev.meshgate.render.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * What rendering or reading a repository costs at the least, measured the same way as meshgate: every kustomization
 * built by {@code kubectl kustomize} at once on all cores, or every YAML file parsed by PyYAML's C loader.
 *
 * @param seconds wall time of the whole
 * @param peakKib the largest peak resident memory of one of its processes, 0 when unknown
 * @param cpuSeconds the CPU time of all its processes, 0 when unknown
 */
record RepositoryFloor(String what, double seconds, long peakKib, double cpuSeconds) {

    /** Each folder built with the kustomize command, as many at once as there are cores. */
    static RepositoryFloor kustomize(List<String> kustomizeCommand, Path root, List<Path> folders) throws IOException {
        List<List<String>> commands = folders.stream()
                .map(folder -> withFolder(kustomizeCommand, folder))
                .toList();
        return parallel(String.join(" ", kustomizeCommand) + " of " + folders.size() + " folders", commands, root);
    }

    /**
     * Each application built as validate builds it: its folder as it is, or through the wrapper kustomization that
     * carries its options. What kustomize itself costs meshgate, apart from meshgate's own work.
     */
    static RepositoryFloor kustomizeAsValidate(List<String> kustomizeCommand, Path root, List<Source> sources)
            throws IOException {
        List<Path> wrappers = new ArrayList<>();
        try {
            List<Path> folders = new ArrayList<>();
            for (Source source : sources) {
                List<Path> entries =
                        List.of(root.resolve(source.path()).toAbsolutePath().normalize());
                if (KustomizeRenderer.needsWrapper(entries, source.kustomize())) {
                    // Left out: the folder's own sort order, which validate's wrapper also carries, orders kustomize's
                    // output and does not change what it builds.
                    Path wrapper = KustomizeRenderer.wrapper(entries, source.kustomize(), Optional.empty());
                    wrappers.add(wrapper);
                    folders.add(wrapper);
                } else {
                    folders.add(entries.get(0));
                }
            }
            List<List<String>> commands = folders.stream()
                    .map(folder -> withFolder(kustomizeCommand, folder))
                    .toList();
            return parallel(
                    String.join(" ", kustomizeCommand) + " of the same folders as validate builds them ("
                            + wrappers.size() + " through a wrapper)",
                    commands,
                    root);
        } finally {
            for (Path wrapper : wrappers) {
                FileTrees.deleteRecursively(wrapper);
            }
        }
    }

    private static List<String> withFolder(List<String> command, Path folder) {
        List<String> line = new ArrayList<>(command);
        line.add(folder.toString());
        return line;
    }

    /** The commands run as many at once as there are cores. */
    private static RepositoryFloor parallel(String what, List<List<String>> commands, Path root) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        long start = System.nanoTime();
        try {
            List<Future<MeasuredRun>> runs = new ArrayList<>();
            for (List<String> command : commands) {
                runs.add(pool.submit(() -> MeasuredRun.of(command, root)));
            }
            long peak = 0;
            double cpu = 0;
            // A build kustomize refuses fails in validate too: counted, so that two floors that differ in failures
            // are not read as alike.
            int failed = 0;
            for (Future<MeasuredRun> future : runs) {
                MeasuredRun run = future.get();
                failed += run.exit() == 0 ? 0 : 1;
                peak = Math.max(peak, run.peakKib());
                cpu += run.cpuSeconds();
            }
            return new RepositoryFloor(
                    what + " on " + cores + " cores" + (failed == 0 ? "" : ", " + failed + " failed"),
                    (System.nanoTime() - start) / 1e9,
                    peak,
                    cpu);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every YAML file under the root parsed with PyYAML's C loader, or null when python3 has none. */
    static RepositoryFloor pyyaml(Path root) throws IOException {
        String script = "import sys,yaml\n"
                + "assert yaml.__with_libyaml__\n"
                + "for name in sys.stdin.read().split('\\0'):\n"
                + "    if name:\n"
                + "        try:\n"
                + "            list(yaml.load_all(open(name,'rb'), Loader=yaml.CSafeLoader))\n"
                + "        except Exception:\n"
                + "            pass\n";
        Path list = Files.createTempFile("meshgate-bench-files", ".txt");
        try (Stream<Path> walk = Files.walk(root)) {
            List<String> files = walk.filter(Files::isRegularFile)
                    .filter(file -> !hidden(root, file))
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
                    .toList();
            Files.writeString(list, String.join("\0", files));
            MeasuredRun run = MeasuredRun.of(
                    List.of("sh", "-c", "exec python3 -c \"$0\" < \"$1\"", script, list.toString()), root);
            return run.exit() == 0
                    ? new RepositoryFloor(
                            "PyYAML C loader over " + files.size() + " files",
                            run.seconds(),
                            run.peakKib(),
                            run.cpuSeconds())
                    : null;
        } finally {
            Files.deleteIfExists(list);
        }
    }

    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
