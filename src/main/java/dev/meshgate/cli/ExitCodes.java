package dev.meshgate.cli;

/** The exit codes of the command line, the same in every output format. */
final class ExitCodes {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE_OR_IO = 2;

    private ExitCodes() {}
}
