package dev.meshgate.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a repository URL shows of itself: never a password or token. */
class RepositoryUrlTest {

    @Test
    void aTokenInAnHttpsUrlIsRedacted() throws InvalidRepositoryUrlException {
        RepositoryUrl url = RepositoryUrl.parse("https://x-access-token:ghs_abc123@github.com/acme/mesh.git");

        assertThat(url.redacted()).isEqualTo("https://github.com/acme/mesh.git");
        assertThat(url).hasToString("https://github.com/acme/mesh.git");
        assertThat(url.host()).isEqualTo("github.com");
        assertThat(url.isSsh()).isFalse();
    }

    @Test
    void aTokenUsedAsTheUserNameIsRedactedToo() throws InvalidRepositoryUrlException {
        assertThat(RepositoryUrl.parse("https://ghp_secret@github.com/acme/mesh.git")
                        .redacted())
                .isEqualTo("https://github.com/acme/mesh.git");
    }

    @Test
    void theUserOfAnSshUrlIsKeptBecauseItIsNoSecret() throws InvalidRepositoryUrlException {
        RepositoryUrl scpLike = RepositoryUrl.parse("git@gitlab.com:acme/mesh.git");

        assertThat(scpLike.isSsh()).isTrue();
        assertThat(scpLike.host()).isEqualTo("gitlab.com");
        assertThat(scpLike.redacted()).isEqualTo("git@gitlab.com:acme/mesh.git");
        assertThat(RepositoryUrl.parse("ssh://git@Example.COM:2222/acme/mesh").host())
                .isEqualTo("example.com");
    }

    @Test
    void scrubRemovesTheSecretsFromAMessageThatQuotesThem() throws InvalidRepositoryUrlException {
        RepositoryUrl url = RepositoryUrl.parse("https://bot:hunter2@git.example.com/mesh.git");

        assertThat(url.scrub("https://bot:hunter2@git.example.com/mesh.git: not authorized (hunter2)"))
                .isEqualTo("https://git.example.com/mesh.git: not authorized (***)");
        assertThat(url.scrub(null)).isEmpty();
    }

    @Test
    void localRepositoriesHaveNoHost() throws InvalidRepositoryUrlException {
        RepositoryUrl local = RepositoryUrl.parse("file:///srv/git/mesh.git");

        assertThat(local.host()).isEmpty();
        assertThat(local.isSsh()).isFalse();
    }

    @Test
    void aMissingUrlIsRefused() {
        assertThatThrownBy(() -> RepositoryUrl.parse(" ")).hasMessageContaining("no repository URL");
        assertThatThrownBy(() -> RepositoryUrl.parse(null)).hasMessageContaining("no repository URL");
    }

    @Test
    void twoUrlsNameTheSameRepositoryWhenHostAndPathAreTheSame() throws InvalidRepositoryUrlException {
        RepositoryUrl https = RepositoryUrl.parse("https://GitHub.com/acme/bound.git");

        assertThat(https.repositoryPath()).isEqualTo("acme/bound");
        assertThat(https.isSameRepositoryAs(RepositoryUrl.parse("git@github.com:acme/bound")))
                .isTrue();
        assertThat(https.isSameRepositoryAs(RepositoryUrl.parse("https://github.com/acme/bound-evil.git")))
                .isFalse();
        assertThat(https.isSameRepositoryAs(RepositoryUrl.parse("https://gitlab.com/acme/bound.git")))
                .isFalse();
        assertThat(RepositoryUrl.parse("https://github.com/mesh.git?x=acme/bound")
                        .repositoryPath())
                .isNotEqualTo("acme/bound");
    }
}
