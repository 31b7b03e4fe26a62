package dev.tracex.cli;

import picocli.CommandLine;

/** {@code tracex --version}: the engine's version, which the build writes from the POM (one reactor, one version). */
final class TracexVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"tracex " + version()};
    }

    static String version() {
        return dev.tracex.engine.TracexVersion.VERSION;
    }
}
