package dev.paracite.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr, redrawn in place at most once per percent, ending its line when
 * the work is done. {@link #clear()} wipes it so that a result line can be printed, and the next step
 * draws it again.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String unit;
    private int shownPercent = -1;
    private String line = "";

    ProgressBar(PrintStream out, String unit) {
        this.out = out;
        this.unit = unit;
    }

    /** Shows {@code done} of {@code total} {@code unit}; the bar's line ends once they are all done. */
    void show(int done, int total) {
        int all = Math.max(1, total);
        int percent = done * 100 / all;
        if (percent == shownPercent && !line.isEmpty()) {
            return;
        }
        shownPercent = percent;
        int filled = Math.min(WIDTH, done * WIDTH / all);
        line = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + unit;
        out.print("\r" + line);
        if (done >= total) {
            out.println();
            line = "";
        }
        out.flush();
    }

    /** Wipes a bar still drawn, so that the next line printed starts clean. */
    void clear() {
        if (!line.isEmpty()) {
            out.print("\r" + " ".repeat(line.length()) + "\r");
            out.flush();
            line = "";
            shownPercent = -1;
        }
    }
}
