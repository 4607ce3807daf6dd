package dev.paracite.eval;

import java.io.PrintStream;

/** A one-line progress bar, redrawn in place, at most once per percent. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private int done;
    private int shownPercent = -1;

    ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = Math.max(1, total);
    }

    void step() {
        done++;
        int percent = done * 100 / total;
        if (percent != shownPercent) {
            shownPercent = percent;
            int filled = done * WIDTH / total;
            out.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " questions");
            out.flush();
        }
    }

    void finish() {
        out.println();
    }
}
