package dev.meshgate.analysis.rules.values;

/** Port numbers written as text (map keys, string lists): a number between 1 and 65535. */
public final class PortNumbers {

    private PortNumbers() {}

    public static boolean valid(String text) {
        return text.matches("\\d{1,5}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 65535;
    }
}
