package dev.meshgate.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Keeps all mirrors together under a number of bytes by deleting whole mirrors, least recently used first. A mirror
 * in use, or locked by a fetch, is never evicted; the one just used is kept even when it alone is over budget.
 */
final class DiskBudget {

    private final Path root;
    private final long budgetBytes;
    private final Function<String, Mirror> mirrors;
    /** The total after the last enforcement, or -1 before the first. */
    private volatile long measured = -1;

    DiskBudget(Path root, long budgetBytes, Function<String, Mirror> mirrors) {
        this.root = root;
        this.budgetBytes = budgetBytes;
        this.mirrors = mirrors;
    }

    /** Evicts until the mirrors fit the budget; returns the folders it deleted. */
    List<Path> enforce(Mirror justUsed) {
        List<Sized> all = measure();
        long total = all.stream().mapToLong(Sized::bytes).sum();
        List<Path> evicted = new ArrayList<>();
        all.sort(Comparator.comparing(sized -> sized.mirror().lastUsed()));
        for (Sized candidate : all) {
            if (total <= budgetBytes) {
                break;
            }
            if (candidate.mirror() != justUsed && evict(candidate.mirror())) {
                total -= candidate.bytes();
                evicted.add(candidate.mirror().directory());
            }
        }
        measured = total;
        return evicted;
    }

    /** The total bytes of all mirrors after the last enforcement; empty before the first. */
    OptionalLong lastMeasured() {
        long total = measured;
        return total < 0 ? OptionalLong.empty() : OptionalLong.of(total);
    }

    /** Measures all mirrors now and remembers the total. */
    long measureTotal() {
        long total = measure().stream().mapToLong(Sized::bytes).sum();
        measured = total;
        return total;
    }

    private boolean evict(Mirror mirror) {
        Lock write = mirror.lock().writeLock();
        if (!write.tryLock()) {
            return false;
        }
        try {
            if (mirror.users().get() > 0) {
                return false;
            }
            mirror.delete();
            return true;
        } finally {
            write.unlock();
        }
    }

    private List<Sized> measure() {
        List<Sized> sized = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return sized;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                Mirror mirror = mirrors.apply(folder.getFileName().toString());
                sized.add(new Sized(mirror, mirror.size()));
            }
        } catch (IOException e) {
            // A folder that vanished while being measured was evicted by someone else.
        }
        return sized;
    }

    private record Sized(Mirror mirror, long bytes) {}
}
