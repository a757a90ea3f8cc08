package dev.meshgate.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How meshgate starts itself again, as a render worker or a benchmark's command line: the same Java with the same jar
 * (or class path), or the same native executable, with a subcommand and options of its own.
 */
public final class SelfLauncher {

    static final String WORKER = "render-worker";
    private static final String MAIN_CLASS = "dev.meshgate.Main";
    // Quarkus' fast jar starts through its own entry point, an uber jar through meshgate's.
    private static final java.util.Set<String> MESHGATE_MAIN_CLASSES =
            java.util.Set.of("io.quarkus.bootstrap.runner.QuarkusEntryPoint", MAIN_CLASS);

    /** The Java option that runs the client compiler (C1) alone, without the profiling tier and C2. */
    public static final String CLIENT_COMPILER_ALONE = "-XX:TieredStopAtLevel=1";

    /**
     * The Java options of a {@code validate} command line, as the {@code meshgate} wrapper passes them: a run of seconds
     * to a minute costs half the CPU with the client compiler alone and the serial collector (C2 compiling on a small
     * machine's cores costs more than it saves), and class metadata allowed to reach 64 MiB before it triggers a
     * collection (the default, about 21 MiB, cost every run a full collection: validate's classes take 25-30 MiB).
     */
    public static final List<String> COMMAND_LINE_VM_OPTIONS =
            List.of(CLIENT_COMPILER_ALONE, "-XX:+UseSerialGC", "-XX:MetaspaceSize=64m");

    private SelfLauncher() {}

    /** The command line that starts a render worker with at most {@code heapBytes} of Java heap. */
    static List<String> worker(long heapBytes) {
        String heap = "-Xmx" + Math.max(16, heapBytes / (1024 * 1024)) + "m";
        // Helm's work is Go code: the worker's Java needs little memory, one collector thread and a quick start.
        List<String> options = new ArrayList<>(List.of(heap, "-XX:+UseSerialGC", CLIENT_COMPILER_ALONE));
        options.addAll(sharedArchive(jvmOptions()));
        return command(options, List.of(WORKER));
    }

    // The JVM's own options (ProcessHandle's arguments are empty on Linux for a command line as long as meshgate's
    // class path); a native executable has none.
    private static List<String> jvmOptions() {
        if (inNativeImage()) {
            return List.of();
        }
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /**
     * The options that map the class-data archive this process was started with (the JVM's arguments), else the JDK's
     * own. A worker starts on this process's class path or jar, which the archive was made for: mapping
     * {@code ./meshgate validate}'s, a worker is ready in 0.25-0.31 s instead of 0.44-0.47 s. The archive's messages
     * are turned off, since the worker's standard output is its protocol.
     */
    static List<String> sharedArchive(List<String> jvmArguments) {
        return jvmArguments.stream()
                .filter(argument -> argument.startsWith("-XX:SharedArchiveFile="))
                .findFirst()
                .map(archive -> List.of(archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"))
                .orElse(List.of("-Xshare:auto"));
    }

    /** Whether this is a native executable (GraalVM sets the property in them) rather than a Java virtual machine. */
    static boolean inNativeImage() {
        return System.getProperty("org.graalvm.nativeimage.imagecode") != null;
    }

    /**
     * The command line that runs meshgate with these arguments.
     *
     * @param vmOptions options of the Java virtual machine; a native executable takes only {@code -Xmx} of them
     */
    public static List<String> command(List<String> vmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        // A native executable takes -Xmx on its own command line.
        if (inNativeImage()) {
            command.add(ProcessHandle.current().info().command().orElse("meshgate"));
            vmOptions.stream().filter(option -> option.startsWith("-Xmx")).forEach(command::add);
            command.addAll(arguments);
            return command;
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(vmOptions);
        String jar = startedJar();
        if (jar != null) {
            command.addAll(List.of("-jar", jar));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        }
        command.addAll(arguments);
        return command;
    }

    /**
     * The jar this JVM was started with when it is meshgate's ({@code java -jar quarkus-run.jar}), or null when started
     * with a class path or by another jar (a test runner's), whose class path then holds meshgate.
     */
    private static String startedJar() {
        String started = System.getProperty("sun.java.command", "").strip();
        String first = started.isEmpty() ? "" : started.split("\\s+")[0];
        if (!first.endsWith(".jar") || !Files.isRegularFile(Path.of(first))) {
            return null;
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(first)) {
            java.util.jar.Manifest manifest = jar.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            return MESHGATE_MAIN_CLASSES.contains(main)
                    ? Path.of(first).toAbsolutePath().toString()
                    : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
