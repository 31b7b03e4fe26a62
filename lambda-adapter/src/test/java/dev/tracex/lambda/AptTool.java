package dev.tracex.lambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A command the tests run from the machine: the first usable one on the PATH, else installed with apt (its
 * Debian package) when the tests run as root on a machine that has apt-get, as on a fresh CI machine; otherwise
 * the test fails saying how to get it. Never a silent skip: what the command checks goes unchecked only if this
 * fails loudly. Public for the command line's tests, which take it from this module's test-jar.
 */
public final class AptTool {
    /** {@code shellcheck}, which judges the project's shell scripts. */
    public static final AptTool SHELLCHECK = new AptTool("shellcheck", "shellcheck", "shellcheck",
            "Debian/Ubuntu: apt-get install shellcheck; macOS: brew install shellcheck", p -> true);

    /**
     * The AWS CLI, version 2: the release workflow's runners have it, Debian packages it ({@code awscli}); version 1
     * (pip's {@code awscli}, which may come first on the PATH), whose end of support is announced, is passed over.
     */
    static final AptTool AWS_CLI = new AptTool("aws", "the AWS CLI version 2 (aws)", "awscli",
            "Debian/Ubuntu: apt-get install awscli; elsewhere https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html",
            p -> version(p).startsWith("aws-cli/2."));

    private final String command;
    private final String description;
    private final String debianPackage;
    private final String howToInstall;
    private final Predicate<Path> usable;

    private AptTool(String command, String description, String debianPackage, String howToInstall, Predicate<Path> usable) {
        this.command = command;
        this.description = description;
        this.debianPackage = debianPackage;
        this.howToInstall = howToInstall;
        this.usable = usable;
    }

    public synchronized String executable() throws IOException, InterruptedException {
        Optional<Path> found = onPath();
        if (found.isPresent()) {
            return found.get().toString();
        }
        if (!"root".equals(System.getProperty("user.name")) || onPath("apt-get", p -> true).isEmpty()) {
            throw new IllegalStateException(description + " is not on the PATH and cannot be installed from here (not root, "
                    + "or no apt-get): install it (" + howToInstall + ")");
        }
        // Several builds may share the machine: wait for dpkg's lock rather than fail on it.
        run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "update", "-q"));
        run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "-q", "--no-install-recommends", debianPackage));
        return onPath().orElseThrow(() -> new IllegalStateException(
                "apt-get installed " + debianPackage + " but " + description + " is not on the PATH")).toString();
    }

    private Optional<Path> onPath() {
        return onPath(command, usable);
    }

    private static Optional<Path> onPath(String name, Predicate<Path> usable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p) && usable.test(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** What {@code <command> --version} prints, or "" when it does not run. */
    private static String version(Path command) {
        try {
            Process p = new ProcessBuilder(command.toString(), "--version").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out.strip() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private void run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("installing " + debianPackage + " failed: `" + String.join(" ", cmd) + "`:\n" + out);
        }
    }
}
