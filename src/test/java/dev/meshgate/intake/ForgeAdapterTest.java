package dev.meshgate.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each forge's real payloads turned into revisions, pings or reasons to ignore them. */
class ForgeAdapterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ForgeAdapter GITHUB = new GitHubAdapter();
    private static final ForgeAdapter GITLAB = new GitLabAdapter();
    private static final ForgeAdapter GITEA = new GiteaAdapter(Forge.GITEA);
    private static final ForgeAdapter FORGEJO = new GiteaAdapter(Forge.FORGEJO);
    private static final ForgeAdapter BITBUCKET = new BitbucketCloudAdapter();
    private static final ForgeAdapter BITBUCKET_SERVER = new BitbucketServerAdapter(Optional.of("https://bb.example/"));

    private static WebhookEvent read(ForgeAdapter adapter, String fixture, Map<String, String> headers)
            throws IOException {
        byte[] body = WebhookFixtures.bytes(fixture);
        return adapter.read(new WebhookRequest(headers, body), JSON.readTree(body));
    }

    private static Revision only(WebhookEvent event) {
        assertThat(event).isInstanceOf(WebhookEvent.Validate.class);
        assertThat(((WebhookEvent.Validate) event).revisions()).hasSize(1);
        return ((WebhookEvent.Validate) event).revisions().get(0);
    }

    static Stream<Arguments> revisions() {
        return Stream.of(
                Arguments.of(
                        GITHUB,
                        "github/push_branch-update.go-playground.json",
                        Map.of("X-GitHub-Event", "push"),
                        new Revision(
                                Forge.GITHUB,
                                "binkkatal/sample_app",
                                "https://github.com/binkkatal/sample_app.git",
                                "https://github.com/binkkatal/sample_app",
                                "fd489864e7642b48eaad6e3f155c10e46810ec72",
                                "refs/heads/master",
                                null,
                                null)),
                Arguments.of(
                        GITHUB,
                        "github/pull_request_opened.payload.json",
                        Map.of("x-github-event", "pull_request"),
                        new Revision(
                                Forge.GITHUB,
                                "Codertocat/Hello-World",
                                "https://github.com/Codertocat/Hello-World.git",
                                "https://github.com/Codertocat/Hello-World",
                                "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
                                "refs/pull/2/head",
                                2,
                                "master")),
                Arguments.of(
                        GITHUB,
                        "github/pull_request_synchronize.go-scm.json",
                        Map.of("X-GitHub-Event", "pull_request"),
                        new Revision(
                                Forge.GITHUB,
                                "bradrydzewski/drone-test-go",
                                "https://github.com/bradrydzewski/drone-test-go.git",
                                "https://github.com/bradrydzewski/drone-test-go",
                                "8102e371cd01cf668893cb2d04a04d52331b1dc9",
                                "refs/pull/1/head",
                                1,
                                "bradrydzewski-patch-1")),
                Arguments.of(
                        GITLAB,
                        "gitlab/push-hook.go-playground.json",
                        Map.of("X-Gitlab-Event", "Push Hook"),
                        new Revision(
                                Forge.GITLAB,
                                "15",
                                "http://example.com/mike/diaspora.git",
                                "http://example.com/mike/diaspora",
                                "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
                                "refs/heads/master",
                                null,
                                null)),
                Arguments.of(
                        GITLAB,
                        "gitlab/merge-request-hook_subgroup.go-scm.json",
                        Map.of("X-Gitlab-Event", "Merge Request Hook"),
                        new Revision(
                                Forge.GITLAB,
                                "4861503",
                                "https://gitlab.com/group1/group2/group3/grp2repo.git",
                                "https://gitlab.com/group1/group2/group3/grp2repo",
                                "c4c79227ed610f1151f05bbc5be33b4f340d39c8",
                                "refs/merge-requests/1/head",
                                1,
                                "master")),
                Arguments.of(
                        GITEA,
                        "gitea/push.gitea-docs.json",
                        Map.of("X-Gitea-Event", "push"),
                        new Revision(
                                Forge.GITEA,
                                "gitea/webhooks",
                                "http://localhost:3000/gitea/webhooks.git",
                                "http://localhost:3000/gitea/webhooks",
                                "bffeb74224043ba2feb48d137756c8a9331c449a",
                                "refs/heads/develop",
                                null,
                                null)),
                Arguments.of(
                        FORGEJO,
                        "gitea/pull_request_synchronized.go-scm.json",
                        Map.of("X-Forgejo-Event", "pull_request"),
                        new Revision(
                                Forge.FORGEJO,
                                "jcitizen/my-repo",
                                "https://try.gitea.io/jcitizen/my-repo.git",
                                "https://try.gitea.io/jcitizen/my-repo",
                                "2eba238e33607c1fa49253182e9fff42baafa1eb",
                                "refs/pull/1/head",
                                1,
                                "master")),
                Arguments.of(
                        BITBUCKET,
                        "bitbucket/cloud-repo_push.go-scm.json",
                        Map.of("X-Event-Key", "repo:push"),
                        new Revision(
                                Forge.BITBUCKET_CLOUD,
                                "brydzewski/foo",
                                "https://bitbucket.org/brydzewski/foo.git",
                                "https://bitbucket.org/brydzewski/foo",
                                "141977fedf5cf35aa290ac87d4b5177ac4cd9de1",
                                "refs/heads/master",
                                null,
                                null)),
                Arguments.of(
                        BITBUCKET,
                        "bitbucket/cloud-pullrequest_updated.go-scm.json",
                        Map.of("X-Event-Key", "pullrequest:updated"),
                        new Revision(
                                Forge.BITBUCKET_CLOUD,
                                "brydzewski/foo",
                                "https://bitbucket.org/brydzewski/foo.git",
                                "https://bitbucket.org/brydzewski/foo",
                                "0704fc5beccc",
                                "refs/heads/develop",
                                1,
                                "master")),
                Arguments.of(
                        BITBUCKET_SERVER,
                        "bitbucket/server-repo_refs_changed.go-scm.json",
                        Map.of("X-Event-Key", "repo:refs_changed"),
                        new Revision(
                                Forge.BITBUCKET_SERVER,
                                "PRJ/my-repo",
                                "https://bb.example/scm/prj/my-repo.git",
                                null,
                                "823b2230a56056231c9425d63758fa87078a66b4",
                                "refs/heads/master",
                                null,
                                null)),
                Arguments.of(
                        BITBUCKET_SERVER,
                        "bitbucket/server-pr_from_ref_updated.go-scm.json",
                        Map.of("X-Event-Key", "pr:from_ref_updated"),
                        new Revision(
                                Forge.BITBUCKET_SERVER,
                                "PRJ/my-repo",
                                "http://example.com:7990/scm/prj/my-repo.git",
                                null,
                                "c00d0f269a9844dd168f72f6a9d78a9cff49a318",
                                "refs/pull-requests/2/from",
                                2,
                                "master")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("revisions")
    void aPayloadBecomesOneNormalizedRevision(
            ForgeAdapter adapter, String fixture, Map<String, String> headers, Revision expected) throws IOException {
        assertThat(only(read(adapter, fixture, headers))).isEqualTo(expected);
    }

    static Stream<Arguments> ignored() {
        return Stream.of(
                Arguments.of(GITHUB, "github/push_payload.json", Map.of("X-GitHub-Event", "push"), "deleted"),
                Arguments.of(
                        GITHUB,
                        "github/pull_request_closed.payload.json",
                        Map.of("X-GitHub-Event", "pull_request"),
                        "not closed"),
                Arguments.of(
                        GITHUB,
                        "github/check_suite_requested.payload.json",
                        Map.of("X-GitHub-Event", "check_suite"),
                        "check_suite events"),
                Arguments.of(
                        GITLAB,
                        "gitlab/pipeline-hook.go-playground.json",
                        Map.of("X-Gitlab-Event", "Pipeline Hook"),
                        "pipeline events"),
                Arguments.of(
                        GITEA, "gitea/create.go-playground.json", Map.of("X-Gitea-Event", "create"), "create events"),
                Arguments.of(
                        BITBUCKET,
                        "bitbucket/cloud-repo_commit_status_created.go-playground.json",
                        Map.of("X-Event-Key", "repo:commit_status_created"),
                        "repo:commit_status_created"),
                Arguments.of(
                        BITBUCKET_SERVER,
                        "bitbucket/server-repo_refs_changed.go-playground.json",
                        Map.of("X-Event-Key", "repo:refs_changed"),
                        "only deleted"),
                Arguments.of(
                        BITBUCKET_SERVER,
                        "bitbucket/server-pr_modified.go-playground.json",
                        Map.of("X-Event-Key", "pr:modified"),
                        "pr:modified"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("ignored")
    void anEventMeshgateDoesNotActOnIsIgnoredWithAReason(
            ForgeAdapter adapter, String fixture, Map<String, String> headers, String reason) throws IOException {
        WebhookEvent event = read(adapter, fixture, headers);

        assertThat(event).isInstanceOfSatisfying(WebhookEvent.Ignored.class, ignored -> assertThat(ignored.reason())
                .contains(reason));
    }

    @Test
    void pingsAreAnswered() throws IOException {
        assertThat(read(GITHUB, "github/ping_payload.json", Map.of("X-GitHub-Event", "ping")))
                .isInstanceOf(WebhookEvent.Ping.class);
        assertThat(BITBUCKET_SERVER.read(
                        new WebhookRequest(Map.of("X-Event-Key", "diagnostics:ping"), new byte[0]),
                        JSON.createObjectNode()))
                .isInstanceOf(WebhookEvent.Ping.class);
    }

    @Test
    void aGitLabMergeRequestEditWithoutNewCommitsIsIgnored() throws IOException {
        ObjectNode payload =
                (ObjectNode) JSON.readTree(WebhookFixtures.bytes("gitlab/merge-request-hook.go-playground.json"));
        ((ObjectNode) payload.path("object_attributes")).put("action", "update");

        WebhookEvent event = GITLAB.read(new WebhookRequest(Map.of(), new byte[0]), payload);

        assertThat(event).isInstanceOf(WebhookEvent.Ignored.class);
        ((ObjectNode) payload.path("object_attributes")).put("oldrev", "a".repeat(40));
        assertThat(only(GITLAB.read(new WebhookRequest(Map.of(), new byte[0]), payload))
                        .changeRequest())
                .isEqualTo(1);
    }

    @Test
    void aPayloadMissingWhatItsEventPromisesIsMalformedWithThePath() throws IOException {
        ObjectNode payload =
                (ObjectNode) JSON.readTree(WebhookFixtures.bytes("github/push_branch-update.go-playground.json"));
        ((ObjectNode) payload.path("repository")).remove("clone_url");
        JsonNode badSha = JSON.readTree("{\"ref\":\"refs/heads/main\",\"after\":\"not-a-sha\","
                + "\"repository\":{\"full_name\":\"a/b\",\"clone_url\":\"https://x/a/b.git\"}}");
        WebhookRequest push = new WebhookRequest(Map.of("X-GitHub-Event", "push"), new byte[0]);

        assertThatThrownBy(() -> GITHUB.read(push, payload))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("the payload has no repository.clone_url");
        assertThatThrownBy(() -> GITHUB.read(push, badSha)).hasMessageContaining("after is not a commit id");
        assertThatThrownBy(() -> GITHUB.read(new WebhookRequest(Map.of(), new byte[0]), payload))
                .hasMessageContaining("X-GitHub-Event");
    }

    @Test
    void aBitbucketServerPayloadWithoutCloneLinksNeedsTheServerUrl() throws IOException {
        byte[] body = WebhookFixtures.bytes("bitbucket/server-repo_refs_changed.go-scm.json");
        WebhookRequest request = new WebhookRequest(Map.of("X-Event-Key", "repo:refs_changed"), body);

        assertThatThrownBy(() -> new BitbucketServerAdapter(Optional.empty()).read(request, JSON.readTree(body)))
                .hasMessageContaining("meshgate.webhooks.bitbucket-server-url");
    }

    @Test
    void repositoriesAreNamedAsUsersKeyTheirSecrets() throws IOException {
        assertThat(GITLAB.repositoryName(JSON.readTree(WebhookFixtures.bytes("gitlab/push-hook.go-playground.json"))))
                .isEqualTo("mike/diaspora");
        assertThat(BITBUCKET_SERVER.repositoryName(
                        JSON.readTree(WebhookFixtures.bytes("bitbucket/server-pr_opened.go-scm.json"))))
                .isEqualTo("PRJ/my-repo");
    }
}
