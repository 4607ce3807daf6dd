package dev.paracite.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paracite.Shared;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.corpus.Paragraph;
import dev.paracite.grounding.Context;
import dev.paracite.grounding.Support;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The support check against the test half of the hand-labelled pairs (eval/support-calibration.jsonl),
 * which no setting was chosen on. The bars are the figures measured when the settings were chosen
 * (eval/README.md); the bench program SupportCalibration prints them per category.
 */
class SupportCalibrationTest {

    /** Measured on the test half with SupportSettings.DEFAULT (eval/README.md, "Statement support"). */
    static final double CAUGHT = 0.813;
    static final double KEPT = 0.753;

    private static final Support SUPPORT = Shared.support();
    private static final Path SHARED = Path.of("../shared/datasets");
    private static final CalibrationSources SOURCES = new CalibrationSources(SHARED);

    @Test
    void the_test_half_is_judged_as_well_as_when_the_settings_were_chosen() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(SHARED.resolve("squad2-dev-part")),
                "shared datasets not beside the project (CI has them)");
        ObjectMapper json = new ObjectMapper();
        int unsupported = 0;
        int caught = 0;
        int supported = 0;
        int kept = 0;
        List<String> lines = Files.readAllLines(Path.of("eval/support-calibration.jsonl"));
        assertTrue(lines.size() >= 300, "at least 300 labelled pairs, found " + lines.size());
        for (String line : lines) {
            JsonNode pair = json.readTree(line);
            if (!pair.get("split").asText().equals("test")) {
                continue;
            }
            // each pair is checked as answers are: with its paragraph's section and its document's context
            String source = pair.get("source").asText();
            boolean verdict = SUPPORT.verdict(pair.get("statement").asText(),
                    SOURCES.paragraph(source, pair.get("paragraph").asText()), SOURCES.context(source)).supported();
            if (pair.get("supported").asBoolean()) {
                supported++;
                kept += verdict ? 1 : 0;
            } else {
                unsupported++;
                caught += verdict ? 0 : 1;
            }
        }
        double caughtShare = caught / (double) unsupported;
        double keptShare = kept / (double) supported;
        System.out.printf("support check, test half: caught %.3f of %d unsupported, kept %.3f of %d supported%n",
                caughtShare, unsupported, keptShare, supported);
        assertTrue(caughtShare >= CAUGHT, "caught " + caughtShare);
        assertTrue(keptShare >= KEPT, "kept " + keptShare);
    }

    private static boolean supports(String statement, String paragraph) {
        return SUPPORT.verdict(statement, new Paragraph("8", "", paragraph, 0), Context.NONE).supported();
    }

    @Test
    void numbers_dates_names_and_negations_must_agree() {
        String evidence = "The treaty of May 15, 1992 is not binding on observers.";
        assertTrue(supports("The treaty of May 15, 1992 is not binding on observers.", evidence));
        assertFalse(supports("The treaty of May 15, 1993 is not binding on observers.", evidence), "changed year");
        assertFalse(supports("The treaty of May 15, 1992 is binding on observers.", evidence), "negation lost");
        assertFalse(supports("The treaty of May 15, 1992 is not binding on NATO.", evidence), "a name it does not give");
    }

    @Test
    void a_faithful_paraphrase_passes_and_a_fact_from_elsewhere_does_not() {
        String paragraph = DocumentLoader.builtIn().paragraph("8").orElseThrow().text();
        assertTrue(supports("The Russian ruble should be used as a reserve currency.", paragraph));
        assertFalse(supports("Russia will annex the Moon by 2031.", paragraph));
        assertFalse(supports("Borders along the perimeter of the CIS should be protected jointly.", paragraph));
    }

    @Test
    void a_claim_the_paragraph_widens_or_narrows_differently_fails() {
        String paragraph = "Records may be destroyed after three months unless they are deeds or leases.";
        assertTrue(supports("Records may be destroyed after three months unless they are deeds or leases.", paragraph));
        assertFalse(supports("Records may always be destroyed after three months.", paragraph), "always");
        assertFalse(supports("Records may be destroyed after four months unless they are deeds or leases.", paragraph));
    }
}
