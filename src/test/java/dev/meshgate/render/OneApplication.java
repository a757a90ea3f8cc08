package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.Resource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Renders a test repository that declares one application, which must render without a problem. */
final class OneApplication {

    private OneApplication() {}

    /** The resources of the repository's one application, rendered with the default limits. */
    static List<Resource> rendered(Path repository) throws IOException {
        List<RenderedApplication> applications = new Rendering(RenderLimits.defaults(), LoadLimits.defaults())
                .renderAll(repository, Optional.empty(), "default");
        assertThat(applications).hasSize(1);
        assertThat(applications.get(0).loaded().problems()).isEmpty();
        return applications.get(0).loaded().resources();
    }
}
