package dev.meshgate.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.revision.InvalidRepositoryUrlException;
import dev.meshgate.revision.RepositoryUrl;
import org.junit.jupiter.api.Test;

class SubmoduleUrlsTest {

    @Test
    void relativeSubmoduleUrlsResolveAgainstTheParentFolder() throws InvalidRepositoryUrlException {
        RepositoryUrl parent = RepositoryUrl.parse("https://git.example.com/acme/mesh.git");

        assertThat(SubmoduleUrls.resolve(parent, "../shared.git")).isEqualTo("https://git.example.com/acme/shared.git");
        assertThat(SubmoduleUrls.resolve(parent, "./sub.git"))
                .isEqualTo("https://git.example.com/acme/mesh.git/sub.git");
    }
}
