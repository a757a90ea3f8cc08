package dev.meshgate.manifest;

/** Where something was written: a file relative to the analysed path, a 1-based line and column. */
public record Origin(String file, int line, int column) {

    /** An origin for a whole file, when no finer position is known. */
    public static Origin of(String file) {
        return new Origin(file, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
