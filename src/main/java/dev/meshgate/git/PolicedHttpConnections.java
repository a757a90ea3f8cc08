package dev.meshgate.git;

import dev.meshgate.revision.OutboundPolicy;
import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import javax.net.ssl.HttpsURLConnection;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * JGit's HTTP connections, each one (redirects included) checked by the outbound policy: the host must be allowed
 * and its addresses must be too, and an HTTPS connection is checked again on the address it actually reached.
 */
final class PolicedHttpConnections implements HttpConnectionFactory2 {

    private final OutboundPolicy policy;
    private final JDKHttpConnectionFactory jdk = new JDKHttpConnectionFactory();

    PolicedHttpConnections(OutboundPolicy policy) {
        this.policy = policy;
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return create(url, Proxy.NO_PROXY);
    }

    @Override
    @SuppressWarnings("deprecation") // URL(URL, String, URLStreamHandler) is the JDK 17 way to attach a handler
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        policy.checkHost(url.getHost());
        policy.checkResolved(url.getHost());
        URL checked = new URL(null, url.toExternalForm(), new CheckingHandler(policy));
        return jdk.create(checked, proxy == null ? Proxy.NO_PROXY : proxy);
    }

    @Override
    public GitSession newSession() {
        return jdk.newSession();
    }

    /** Opens the JDK's own connection, with the address check in place of its TLS socket factory. */
    private static final class CheckingHandler extends URLStreamHandler {

        private final OutboundPolicy policy;

        CheckingHandler(OutboundPolicy policy) {
            this.policy = policy;
        }

        @Override
        protected URLConnection openConnection(URL url) throws IOException {
            return openConnection(url, Proxy.NO_PROXY);
        }

        @Override
        @SuppressWarnings("deprecation")
        protected URLConnection openConnection(URL url, Proxy proxy) throws IOException {
            URLConnection connection = new URL(url.toExternalForm()).openConnection(proxy);
            if (connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(new ConnectedAddressCheck(policy, https.getSSLSocketFactory()));
            }
            return connection;
        }
    }
}
