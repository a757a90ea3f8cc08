package dev.meshgate.forge;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points every forge's status API of the service under test at one {@link RecordingForgeApi}, under a path per forge,
 * with a token each; tests get the recorder injected into a field of its type.
 */
public class FakeForges implements QuarkusTestResourceLifecycleManager {

    private RecordingForgeApi api;

    @Override
    public Map<String, String> start() {
        api = new RecordingForgeApi();
        Map<String, String> config = new HashMap<>();
        forge(config, "github", "/github", "gh-token");
        forge(config, "gitlab", "/gitlab/api/v4", "gl-token");
        forge(config, "gitea", "/gitea/api/v1", "gt-token");
        forge(config, "forgejo", "/forgejo/api/v1", "fj-token");
        forge(config, "bitbucket", "/bitbucket", "bb-user:app-password");
        forge(config, "bitbucket-server", "/bitbucket-server", "bbs-token");
        config.put("meshgate.statuses.first-retry", "50ms");
        config.put("meshgate.forges.github.app-id", "12345");
        config.put("meshgate.forges.github.private-key-file", appKey().toString());
        return config;
    }

    private void forge(Map<String, String> config, String name, String prefix, String token) {
        config.put("meshgate.forges." + name + ".api-url", api.url(prefix));
        config.put("meshgate.forges." + name + ".token", token);
    }

    /** A fresh RSA key for the GitHub App, written as PKCS#8 PEM; the recorder keeps the public half. */
    private java.nio.file.Path appKey() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            java.security.KeyPair pair = generator.generateKeyPair();
            api.appPublicKey = pair.getPublic();
            java.nio.file.Path file = java.nio.file.Files.createTempFile("meshgate-app", ".pem");
            file.toFile().deleteOnExit();
            return java.nio.file.Files.writeString(file, pkcs8Pem(pair.getPrivate()));
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as GitHub App keys are given to meshgate: PKCS#8 in PEM. */
    static String pkcs8Pem(java.security.PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(api, new TestInjector.MatchesType(RecordingForgeApi.class));
    }

    @Override
    public void stop() {
        api.close();
    }
}
