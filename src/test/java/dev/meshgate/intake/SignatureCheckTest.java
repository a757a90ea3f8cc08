package dev.meshgate.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.intake.SignatureCheck.Verdict;
import dev.meshgate.revision.Forge;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures checked against the documented test vectors and vectors computed over the saved fixtures. */
class SignatureCheckTest {

    private static final byte[] SECRET = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);

    private static Verdict check(ForgeAdapter adapter, String fixture, Map<String, String> headers) {
        return adapter.signatureCheck().check(new WebhookRequest(headers, WebhookFixtures.bytes(fixture)), SECRET);
    }

    @Test
    void gitHubsDocumentedVectorIsValid() {
        WebhookRequest request = new WebhookRequest(
                Map.of(
                        "X-Hub-Signature-256",
                        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"),
                "Hello, World!".getBytes(StandardCharsets.UTF_8));

        assertThat(new GitHubAdapter().signatureCheck().check(request, SECRET)).isEqualTo(Verdict.VALID);
        assertThat(new GitHubAdapter()
                        .signatureCheck()
                        .check(request, "another secret".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Verdict.INVALID);
    }

    @Test
    void eachForgesSignatureOverARealPayloadIsValid() {
        assertThat(check(
                        new GitHubAdapter(),
                        "github/push_branch-update.go-playground.json",
                        Map.of(
                                "X-Hub-Signature-256",
                                "sha256=4eb0bb3763b6757a92b0b6f8d852195f9b900da2cb0fcbb0030388f59cb29f05")))
                .isEqualTo(Verdict.VALID);
        assertThat(check(
                        new GiteaAdapter(Forge.GITEA),
                        "gitea/push.gitea-docs.json",
                        Map.of(
                                "X-Gitea-Signature",
                                "597183de06d034700a15e376b097dea828d62b8256a1ed23a76196d9770675be")))
                .isEqualTo(Verdict.VALID);
        assertThat(check(
                        new BitbucketServerAdapter(java.util.Optional.empty()),
                        "bitbucket/server-repo_refs_changed.go-scm.json",
                        Map.of(
                                "X-Hub-Signature",
                                "sha256=82276e660a73149844f4f980595fce3c434386d7f989ba24e14496ec528beb83")))
                .isEqualTo(Verdict.VALID);
        assertThat(check(
                        new BitbucketCloudAdapter(),
                        "bitbucket/cloud-repo_push.go-scm.json",
                        Map.of(
                                "X-Hub-Signature",
                                "sha256=ec15dd0588fdd387b012f203659bd9bd6b0557756ebc4c5fbf5c09a5a317f68b")))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void giteasOwnHeaderWinsOverTheGitHubStyleOne() {
        Map<String, String> headers = Map.of(
                "X-Gitea-Signature",
                "00".repeat(32),
                "X-Hub-Signature-256",
                "sha256=597183de06d034700a15e376b097dea828d62b8256a1ed23a76196d9770675be");

        assertThat(check(new GiteaAdapter(Forge.GITEA), "gitea/push.gitea-docs.json", headers))
                .isEqualTo(Verdict.INVALID);
    }

    @Test
    void aChangedBodyAMissingHeaderOrGarbageAreNotValid() {
        String signature = "sha256=4eb0bb3763b6757a92b0b6f8d852195f9b900da2cb0fcbb0030388f59cb29f05";
        byte[] tampered = WebhookFixtures.bytes("github/push_branch-update.go-playground.json");
        tampered[100] ^= 1;
        SignatureCheck github = new GitHubAdapter().signatureCheck();

        assertThat(github.check(new WebhookRequest(Map.of("X-Hub-Signature-256", signature), tampered), SECRET))
                .isEqualTo(Verdict.INVALID);
        assertThat(github.check(new WebhookRequest(Map.of(), tampered), SECRET)).isEqualTo(Verdict.MISSING);
        assertThat(github.check(new WebhookRequest(Map.of("X-Hub-Signature-256", "sha256=zz"), tampered), SECRET))
                .isEqualTo(Verdict.INVALID);
        // A legacy SHA-1 signature alone is not enough.
        assertThat(github.check(
                        new WebhookRequest(
                                Map.of("X-Hub-Signature", "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59"),
                                "Hello, World!".getBytes(StandardCharsets.UTF_8)),
                        SECRET))
                .isEqualTo(Verdict.MISSING);
    }

    @Test
    void gitLabsTokenIsTheSecretItself() {
        SignatureCheck gitlab = new GitLabAdapter().signatureCheck();

        assertThat(gitlab.check(
                        new WebhookRequest(Map.of("X-Gitlab-Token", "It's a Secret to Everybody"), new byte[0]),
                        SECRET))
                .isEqualTo(Verdict.VALID);
        assertThat(gitlab.check(new WebhookRequest(Map.of("X-Gitlab-Token", "It's a Secret"), new byte[0]), SECRET))
                .isEqualTo(Verdict.INVALID);
        assertThat(gitlab.check(new WebhookRequest(Map.of(), new byte[0]), SECRET))
                .isEqualTo(Verdict.MISSING);
    }
}
