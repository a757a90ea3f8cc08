package dev.meshgate.bench;

import dev.meshgate.files.FileTrees;
import dev.meshgate.git.Checkout;
import dev.meshgate.git.CheckoutRequest;
import dev.meshgate.git.GitAuthentication;
import dev.meshgate.git.GitException;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.git.MirrorCacheSettings;
import dev.meshgate.revision.InvalidRepositoryUrlException;
import dev.meshgate.revision.OutboundPolicy;
import dev.meshgate.revision.RepositoryUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshgate bench-git}: times meshgate's checkout against the git binary on a generated repository served by
 * {@code git daemon}: a first checkout (clone and export) and the checkout of one new commit (fetch and export).
 */
@Command(
        name = "bench-git",
        mixinStandardHelpOptions = true,
        description = "Benchmarks checking commits out of a generated repository, against the git binary.")
public final class BenchGitCommand implements Callable<Integer> {

    @Option(
            names = "--files",
            defaultValue = "2000",
            description = "Files in the repository (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--commits", defaultValue = "200", description = "Commits of history (default: ${DEFAULT-VALUE}).")
    int commits;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs; the median is printed.")
    int runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, GitException, InvalidRepositoryUrlException {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("meshgate-bench-git");
        try {
            Path served = Files.createDirectories(work.resolve("served"));
            SyntheticRepository source = SyntheticRepository.create(served.resolve("mesh.git"), files, commits);
            try (GitServer daemon = GitServer.serve(served)) {
                RepositoryUrl url = RepositoryUrl.parse(daemon.url("mesh.git"));
                new Measurement(work, url, source).report(out);
            }
            return 0;
        } finally {
            FileTrees.deleteRecursively(work);
        }
    }

    /** One benchmark run: the same repository checked out by meshgate and by git, alternately. */
    private final class Measurement {

        private final Path work;
        private final RepositoryUrl url;
        private final SyntheticRepository source;
        private int folders;

        Measurement(Path work, RepositoryUrl url, SyntheticRepository source) {
            this.work = work;
            this.url = url;
            this.source = source;
        }

        void report(PrintWriter out) throws GitException {
            out.printf(
                    "meshgate bench-git: %d files, %d commits, served by git daemon; median of %d run(s), %d processor(s)%n",
                    files, commits, runs, Runtime.getRuntime().availableProcessors());
            // Warm-up: the JIT compiles JGit's pack parsing before anything is timed.
            meshgateFirstCheckout();
            gitFirstCheckout();
            double[] meshgateFirst = new double[runs];
            double[] gitFirst = new double[runs];
            for (int run = 0; run < runs; run++) {
                meshgateFirst[run] = meshgateFirstCheckout();
                gitFirst[run] = gitFirstCheckout();
            }
            MirrorCache cache = new MirrorCache(servedHere(), GitAuthentication.anonymous());
            cache.checkout(CheckoutRequest.of(url, source.head()), folder()).close();
            Path gitMirror = folder();
            git(work).run("clone", "-q", "--mirror", url.toString(), gitMirror.toString());
            double[] meshgateNext = new double[runs];
            double[] gitNext = new double[runs];
            for (int run = 0; run < runs; run++) {
                String sha = source.commit();
                long start = System.nanoTime();
                Checkout checkout = cache.checkout(CheckoutRequest.of(url, sha), folder());
                meshgateNext[run] = millisSince(start);
                checkout.close();
                start = System.nanoTime();
                git(gitMirror).run("fetch", "-q", "--prune", "origin");
                exportWithGit(gitMirror, sha);
                gitNext[run] = millisSince(start);
            }
            out.printf("%-36s %12s %12s %8s%n", "", "meshgate ms", "git ms", "ratio");
            row(out, "first checkout (clone + export)", meshgateFirst, gitFirst);
            row(out, "next commit (fetch + export)", meshgateNext, gitNext);
            out.flush();
        }

        private double meshgateFirstCheckout() throws GitException {
            MirrorCache cache = new MirrorCache(servedHere(), GitAuthentication.anonymous());
            long start = System.nanoTime();
            Checkout checkout = cache.checkout(CheckoutRequest.of(url, source.head()), folder());
            double millis = millisSince(start);
            checkout.close();
            return millis;
        }

        private double gitFirstCheckout() {
            Path mirror = folder();
            long start = System.nanoTime();
            git(work).run("clone", "-q", "--mirror", url.toString(), mirror.toString());
            exportWithGit(mirror, source.head());
            return millisSince(start);
        }

        /** Writes the commit's files into a new folder, as meshgate's export does. */
        private void exportWithGit(Path mirror, String sha) {
            Path tree = folder();
            try {
                Files.createDirectories(tree);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            git(mirror).run("--work-tree=" + tree, "checkout", "-q", "-f", sha, "--", ".");
        }

        private Path folder() {
            return work.resolve("run-" + folders++);
        }

        /** A fresh mirror cache that may reach the benchmark's own git daemon, which listens on loopback. */
        private MirrorCacheSettings servedHere() {
            return MirrorCacheSettings.defaults(folder())
                    .withOutbound(OutboundPolicy.allowing(java.util.List.of("127.0.0.1")));
        }

        private void row(PrintWriter out, String label, double[] meshgate, double[] git) {
            double ours = BenchCommand.median(meshgate);
            double theirs = BenchCommand.median(git);
            out.printf("%-36s %12.1f %12.1f %7.2fx%n", label, ours, theirs, ours / theirs);
        }
    }

    private static GitBinary git(Path directory) {
        return new GitBinary(directory);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
