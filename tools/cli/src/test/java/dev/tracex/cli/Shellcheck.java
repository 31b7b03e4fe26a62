package dev.tracex.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code shellcheck} for the tests: from the PATH, else installed with apt (Debian package {@code shellcheck})
 * when the tests run as root on a machine that has apt-get, as on a fresh CI machine; otherwise the test
 * fails saying how to get it. Never a silent skip: the scripts go unchecked only if this fails loudly.
 * A copy of the adapter's {@code dev.tracex.lambda.Shellcheck} (package-private in that module's tests).
 */
final class Shellcheck {
    private Shellcheck() {
    }

    static synchronized String executable() throws IOException, InterruptedException {
        Optional<Path> found = onPath("shellcheck");
        if (found.isPresent()) {
            return found.get().toString();
        }
        if (!"root".equals(System.getProperty("user.name")) || onPath("apt-get").isEmpty()) {
            throw new IllegalStateException("shellcheck is not on the PATH and cannot be installed from here (not root, "
                    + "or no apt-get): install it (Debian/Ubuntu: apt-get install shellcheck; macOS: brew install shellcheck)");
        }
        // Several builds may share the machine: wait for dpkg's lock rather than fail on it.
        run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "update", "-q"));
        run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "-q", "--no-install-recommends", "shellcheck"));
        return onPath("shellcheck").orElseThrow(() -> new IllegalStateException(
                "apt-get installed shellcheck but it is not on the PATH")).toString();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("installing shellcheck failed: `" + String.join(" ", cmd) + "`:\n" + out);
        }
    }
}
