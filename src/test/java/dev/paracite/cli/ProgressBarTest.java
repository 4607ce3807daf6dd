package dev.paracite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "files");

    private String shown() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void redraws_in_place_once_per_percent_and_ends_its_line_when_done() {
        bar.show(1, 2);
        bar.show(1, 2);
        bar.show(2, 2);
        String half = "[" + "#".repeat(15) + "-".repeat(15) + "] 1/2 files";
        assertEquals("\r" + half + "\r[" + "#".repeat(30) + "] 2/2 files\n", shown());
    }

    @Test
    void clearing_wipes_the_drawn_bar_and_the_next_step_draws_it_again() {
        bar.show(1, 3);
        bar.clear();
        bar.clear();
        bar.show(1, 3);
        String third = "[" + "#".repeat(10) + "-".repeat(20) + "] 1/3 files";
        assertEquals("\r" + third + "\r" + " ".repeat(third.length()) + "\r" + "\r" + third, shown());
    }
}
