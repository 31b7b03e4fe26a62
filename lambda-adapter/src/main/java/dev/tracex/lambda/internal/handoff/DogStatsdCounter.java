package dev.tracex.lambda.internal.handoff;

import dev.tracex.lambda.internal.logging.Log;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code tracex.extractions} as a DogStatsD count sent over UDP to the Datadog Lambda extension, one datagram per
 * invocation: {@code tracex.extractions:1|c|#rule:<rule>,outcome:<outcome>} (the datagram format of DogStatsD
 * protocol v1.3, as the extension's parser reads it: {@code DataDog/serverless-components},
 * {@code crates/dogstatsd/src/metric.rs}). To {@code 127.0.0.1:8125}, the extension's port, or
 * {@code DD_DOGSTATSD_PORT}. The channel is non-blocking and a datagram that cannot be sent is dropped, never
 * retried: the invocation never waits on it.
 */
final class DogStatsdCounter implements ExtractionMetrics.Sink {
    static final String PORT_ENV = "DD_DOGSTATSD_PORT";
    static final int DEFAULT_PORT = 8125;

    private final InetSocketAddress target;
    private final DatagramChannel channel;
    private boolean warned;

    private DogStatsdCounter(InetSocketAddress target, DatagramChannel channel) {
        this.target = target;
        this.channel = channel;
    }

    /** The counter for {@code env}'s port; {@code null} (after one warning) when no UDP channel can be opened. */
    static DogStatsdCounter fromEnvironment(Map<String, String> env) {
        int port = DEFAULT_PORT;
        String p = env.get(PORT_ENV);
        if (p != null && !p.isBlank()) {
            try {
                port = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                Log.warn("tracex: " + PORT_ENV + "=" + p + " is not a port, DogStatsD metrics go to " + DEFAULT_PORT);
            }
        }
        try {
            DatagramChannel channel = DatagramChannel.open();
            channel.configureBlocking(false);
            return new DogStatsdCounter(new InetSocketAddress("127.0.0.1", port), channel);
        } catch (IOException | RuntimeException e) {
            Log.warn("tracex: DogStatsD metrics are off, no UDP channel: " + e);
            return null;
        }
    }

    /** The datagram for {@code o}. */
    static String line(ExtractionOutcome o) {
        return ExtractionMetrics.NAME + ":1|c|#rule:" + tagValue(o.rule()) + ",outcome:" + o.outcome();
    }

    /** A tag value without the separators of the datagram ({@code |}, {@code ,}, {@code #}) or line breaks. */
    private static String tagValue(String v) {
        StringBuilder b = null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '|' || c == ',' || c == '#' || c == '\n' || c == '\r' || c == ' ') {
                if (b == null) {
                    b = new StringBuilder(v.substring(0, i));
                }
                b.append('_');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? v : b.toString();
    }

    @Override
    public void record(ExtractionOutcome outcome) {
        try {
            channel.send(ByteBuffer.wrap(line(outcome).getBytes(StandardCharsets.UTF_8)), target);
        } catch (IOException e) {
            // No listener, a full buffer: this count is lost, the next one is tried. Said once, at debug.
            if (!warned) {
                warned = true;
                if (Log.debugging()) {
                    Log.debug("tracex: a DogStatsD datagram to " + target + " was not sent (dropped): " + e);
                }
            }
        }
    }
}
