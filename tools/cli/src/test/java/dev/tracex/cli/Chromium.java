package dev.tracex.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's {@code chromium} and {@code chromium-driver}, installed for the browser tests when missing: on a fresh
 * machine where the build runs as root with apt-get (CI), {@code apt-get install} them; elsewhere the tests are
 * skipped with the reason, so a developer without them sees why and what to install.
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path APT_GET = Path.of("/usr/bin/apt-get");

    private static String missing;
    private static boolean checked;

    private Chromium() {
    }

    /** Returns when both are installed (installing them if it can); else skips the calling tests, saying why. */
    static synchronized void assumeInstalled() {
        if (!checked) {
            checked = true;
            missing = installed() ? null : install();
        }
        assumeTrue(missing == null, () -> "browser test skipped: " + missing);
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** Installs them; {@code null} when that worked, else why it could not. */
    private static String install() {
        String wanted = BROWSER + " and " + DRIVER + " are missing (Debian packages chromium and chromium-driver)";
        if (!"root".equals(System.getProperty("user.name"))) {
            return wanted + "; not root, so not installing them: apt-get install chromium chromium-driver";
        }
        if (!Files.isExecutable(APT_GET)) {
            return wanted + "; no apt-get on this machine to install them with";
        }
        Path log = Path.of("target", "chromium-install.log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder("sh", "-c",
                    "apt-get update && apt-get install -y -o DPkg::Lock::Timeout=300 chromium chromium-driver")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = pb.start();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return wanted + "; apt-get did not finish in 15 minutes (" + log + ")";
            }
            if (p.exitValue() != 0 || !installed()) {
                return wanted + "; apt-get install chromium chromium-driver failed with exit " + p.exitValue() + " (" + log + ")";
            }
            return null;
        } catch (IOException e) {
            return wanted + "; cannot run apt-get: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return wanted + "; interrupted while installing them";
        }
    }
}
