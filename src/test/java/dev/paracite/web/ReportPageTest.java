package dev.paracite.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.eval.EvalCase;
import dev.paracite.eval.EvalRunner;
import dev.paracite.eval.EvalSet;
import dev.paracite.eval.Report;
import dev.paracite.eval.ReportWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The evaluation's HTML report opens in Chromium on its own (no server, no external assets). */
class ReportPageTest {

    @Test
    void the_html_report_opens_with_its_table_chart_and_questions() {
        Browser.assumeInstalled();
        Report report = new EvalRunner(Main::assistant, EvalRunner.Progress.NONE)
                .run("dev", List.of(new EvalCase(DocumentLoader.builtIn(), EvalSet.load(Path.of("eval/dev.jsonl")))));
        Path dir = Path.of("target/eval-report-test");
        ReportWriter.write(report, dir);
        ChromeDriver driver = Browser.start(1280, 1600);
        try {
            driver.get(dir.resolve("report.html").toAbsolutePath().toUri().toString());
            assertEquals("Evaluation: dev", driver.getTitle());
            assertEquals(1, driver.findElements(By.cssSelector("svg[aria-label='Rates per kind']")).size());
            assertTrue(driver.findElements(By.cssSelector("svg rect")).size() > 20);
            assertEquals(report.questions().size(), driver.findElements(By.cssSelector("table.questions tbody tr")).size());
            Browser.screenshot(driver, "09-eval-report");
        } finally {
            driver.quit();
        }
    }
}
