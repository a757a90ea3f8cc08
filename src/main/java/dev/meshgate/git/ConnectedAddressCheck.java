package dev.meshgate.git;

import dev.meshgate.revision.DestinationRefusedException;
import dev.meshgate.revision.OutboundPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets that are laid over a connection only once the address it actually reached passes the outbound policy,
 * before a byte is sent: a host name that resolves to a public address when checked and to a private one when
 * connected (DNS rebinding) is still refused. It declines to make unconnected sockets, so that the JDK's HTTPS client
 * connects a plain socket first and hands it here.
 */
final class ConnectedAddressCheck extends SSLSocketFactory {

    private final OutboundPolicy policy;
    private final SSLSocketFactory tls;

    ConnectedAddressCheck(OutboundPolicy policy, SSLSocketFactory tls) {
        this.policy = policy;
        this.tls = tls;
    }

    @Override
    public Socket createSocket() throws IOException {
        SocketException unsupported = new SocketException("connect first, then layer TLS");
        unsupported.initCause(new UnsupportedOperationException());
        throw unsupported;
    }

    @Override
    public Socket createSocket(Socket connected, String host, int port, boolean autoClose) throws IOException {
        InetAddress reached = connected.getInetAddress();
        try {
            if (reached == null) {
                throw new DestinationRefusedException("unreachable: " + host + " is not connected");
            }
            policy.checkAddress(host, reached);
        } catch (DestinationRefusedException e) {
            connected.close();
            throw e;
        }
        return tls.createSocket(connected, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connectThenLayer(new InetSocketAddress(host, port), host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connectThenLayer(new InetSocketAddress(host, port), host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connectThenLayer(new InetSocketAddress(host, port), host.getHostName(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connectThenLayer(new InetSocketAddress(address, port), address.getHostName(), port);
    }

    private Socket connectThenLayer(InetSocketAddress target, String host, int port) throws IOException {
        Socket plain = new Socket();
        plain.connect(target);
        return createSocket(plain, host, port, true);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }
}
