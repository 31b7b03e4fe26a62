package dev.tracex.lambda.internal.handoff;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Datadog Lambda extension's local HTTP endpoint ({@code 127.0.0.1:8124}, the address dd-trace-java
 * and the extension both hard-code), spoken to with one HTTP/1.1 request per connection.
 *
 * <p>Plain HTTP over a socket rather than a JDK HTTP client on purpose: tracers instrument the JDK's
 * clients ({@code HttpURLConnection}, {@code java.net.http}), and an instrumented call starts a client
 * span of its own and injects that span's {@code x-datadog-*} headers over the context tracex sends (seen
 * with dd-java-agent 1.68.1 and {@code HttpURLConnection}: the extension received the client span's trace
 * id instead of tracex's). A raw socket is invisible to them, so the extension receives exactly these
 * headers and body.
 *
 * <p>Short time-outs (connect 200 ms, read 1 s, as dd-trace-java's 1 s): an absent or stuck extension
 * costs the function at most that. Header values that are not printable ASCII are dropped, never sent
 * (values come from events: a CR/LF must not add headers). Thread-safe (no state).
 */
final class DatadogExtension {
    static final int PORT = 8124;
    static final DatadogExtension LOCAL = new DatadogExtension(new InetSocketAddress(loopback(), PORT));

    private static final int CONNECT_TIMEOUT_MS = 200;
    private static final int READ_TIMEOUT_MS = 1000;
    private static final int MAX_READ_BYTES = 64 * 1024;

    /** A response's status and headers (names lowercased; the body is read and dropped). */
    record Response(int status, Map<String, String> headers) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final InetSocketAddress address;

    DatadogExtension(InetSocketAddress address) {
        this.address = address;
    }

    @Override
    public String toString() {
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    /** POSTs {@code body} (JSON) to {@code path} with {@code headers}; throws when the extension cannot be reached. */
    Response post(String path, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(512)
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(address.getHostString()).append(':').append(address.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> {
            if (value != null && printable(name) && printable(value)) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(address, CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream(), 1024));
        }
    }

    private static Response read(InputStream in) throws IOException {
        String[] lines = head(in).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + lines[0]);
        }
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + lines[0], e);
        }
        in.readNBytes(MAX_READ_BYTES); // the body ({} from the extension), read to the server's close, bounded
        return new Response(code, headers);
    }

    /** The status line and headers, up to the blank line. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        int state = 0; // how much of CR LF CR LF has been seen
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the response head");
            }
            if (buf.size() >= MAX_READ_BYTES) {
                throw new IOException("response head longer than " + MAX_READ_BYTES + " bytes");
            }
            buf.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
                    : b == '\r' ? 1 : 0;
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean printable(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a malformed address, which this is not
        }
    }
}
