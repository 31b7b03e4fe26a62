package dev.tracex.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process in a private mount namespace ({@code unshare --mount}, util-linux) with a test's directory
 * bind-mounted on {@code /opt}, where Lambda puts layers; the host's {@code /opt} is never touched.
 */
final class MountNamespace {
    private MountNamespace() {
    }

    /** The words that run the rest of a command line with {@code opt} on /opt (exec'd: the process keeps its pid). */
    static List<String> withOpt(Path opt) {
        List<String> cmd = new ArrayList<>(unshare());
        cmd.addAll(List.of("sh", "-c", "mount --bind \"$0\" /opt && exec \"$@\"", opt.toString()));
        return cmd;
    }

    /**
     * Fails, saying why, when this machine cannot give a child its own /opt (no util-linux {@code unshare}, or
     * mount namespaces not allowed, e.g. in a container without CAP_SYS_ADMIN and without user namespaces).
     */
    static void require() throws IOException {
        List<String> probe = new ArrayList<>(unshare());
        probe.addAll(List.of("sh", "-c", "mount -t tmpfs none /opt"));
        String output;
        int rc;
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            rc = p.waitFor();
        } catch (IOException e) {
            output = e.getMessage();
            rc = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (rc != 0) {
            throw new IllegalStateException("the layer tests put the layer at /opt as Lambda does, in a private mount "
                    + "namespace, and this machine refuses one (`" + String.join(" ", probe) + "`: " + output + "); "
                    + "run them as root or where unprivileged user namespaces are allowed (util-linux unshare)");
        }
    }

    /** Outside root, the child is root of a new user namespace too, which lets it mount there. */
    private static List<String> unshare() {
        return "root".equals(System.getProperty("user.name")) ? List.of("unshare", "--mount")
                : List.of("unshare", "--mount", "--map-root-user");
    }
}
