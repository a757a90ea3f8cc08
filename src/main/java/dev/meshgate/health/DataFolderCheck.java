package dev.meshgate.health;

import dev.meshgate.git.MirrorCache;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while a file can be written in the data folder and the mirrors fit the disk budget: without either, every
 * checkout fails. Writing a file is the test that holds for root too, where permission bits say nothing.
 */
@Readiness
@Singleton
public class DataFolderCheck implements HealthCheck {

    private static final String NAME = "data folder";

    private final MirrorCache mirrors;

    DataFolderCheck(MirrorCache mirrors) {
        this.mirrors = mirrors;
    }

    @Override
    public HealthCheckResponse call() {
        Path folder = mirrors.settings().dataDirectory();
        long budget = mirrors.settings().diskBudgetBytes();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            Path probe = Files.createTempFile(folder, ".readiness", ".probe");
            Files.delete(probe);
            response.withData("usableBytes", Files.getFileStore(folder).getUsableSpace());
        } catch (IOException | SecurityException e) {
            return response.down()
                    .withData(
                            "error",
                            "cannot write in the data folder (" + e.getClass().getSimpleName() + ")")
                    .build();
        }
        long used = mirrors.diskUsage();
        response.withData("mirrorBytes", used).withData("diskBudgetBytes", budget);
        if (used > budget) {
            return response.down()
                    .withData("error", "the mirrors take more than meshgate.git.disk-budget and none can be evicted")
                    .build();
        }
        return response.up().build();
    }
}
