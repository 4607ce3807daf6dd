package dev.paracite.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.server.LibraryServer;
import dev.paracite.server.Server;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** axe-core (from its Maven artifact) on the served page: no serious or critical violation in any state. */
class AccessibilityTest {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private static List<String> blocking(ChromeDriver driver) {
        Results results = new AxeBuilder().analyze(driver);
        return results.getViolations().stream().filter(r -> BLOCKING.contains(r.getImpact()))
                .map(AccessibilityTest::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }

    @Test
    void the_page_has_no_serious_or_critical_violations_empty_answered_and_with_panels_open() {
        Browser.assumeInstalled();
        try (Server server = Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0)) {
            for (boolean dark : new boolean[] {false, true}) {
                ChromeDriver driver = Browser.start(1280, 900);
                try {
                    if (dark) {
                        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                                List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
                    }
                    WebDriverWait wait = Browser.openChat(driver, server.port());
                    String mode = dark ? "dark: " : "light: ";
                    assertEquals(List.of(), blocking(driver), mode + "the empty page");
                    driver.findElement(By.id("question")).sendKeys("What role should the ruble play?", Keys.ENTER);
                    wait.until(d -> d.findElements(By.cssSelector(".msg.assistant:not(.pending)")).size() == 1);
                    assertEquals(List.of(), blocking(driver), mode + "with an answer");
                    driver.findElement(By.cssSelector(".msg.assistant .body button.chip")).click();
                    assertEquals(List.of(), blocking(driver), mode + "with a paragraph open");
                    driver.findElement(By.id("panel-close")).click();
                    driver.findElement(By.id("browse")).click();
                    assertEquals(List.of(), blocking(driver), mode + "with the document browser open");
                    // the control: a button without a name, planted, must be found, or the check checks nothing
                    driver.executeScript("document.body.append(document.createElement('button'))");
                    assertEquals(1, blocking(driver).size(), mode + "the planted violation");
                } finally {
                    driver.quit();
                }
            }
        }
    }

    @Test
    void the_library_page_has_no_serious_or_critical_violations_with_the_documents_panel_open(@TempDir Path dir) {
        Browser.assumeInstalled();
        try (LibraryServer served = LibraryServer.start(dir.resolve("library"))) {
            served.add("security.txt", LibraryServer.SECURITY);
            served.add("travel.txt", LibraryServer.TRAVEL_WITH_GAP);
            ChromeDriver driver = Browser.start(1280, 900);
            try {
                Browser.openChat(driver, served.port());
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
                wait.until(d -> d.findElement(By.id("show-documents")).isDisplayed());
                driver.findElement(By.id("question")).sendKeys("What happens to lost badges?", Keys.ENTER);
                wait.until(d -> d.findElements(By.cssSelector(".msg.assistant:not(.pending) .body button.chip")).size() == 1);
                assertEquals("security §2", driver.findElement(By.cssSelector(".msg.assistant .body button.chip")).getText());
                assertEquals(List.of(), blocking(driver), "with a library answer");
                driver.findElement(By.id("show-documents")).click();
                driver.findElement(By.cssSelector("li[data-id=travel] input[type=checkbox]")).click();
                driver.findElement(By.cssSelector("li[data-id=travel] details summary")).click();
                wait.until(d -> !d.findElements(By.cssSelector("li[data-id=travel] .notes-list li")).isEmpty());
                driver.findElement(By.cssSelector("li[data-id=security] button.remove")).click();
                assertEquals(List.of(), blocking(driver), "with the documents panel open, versions shown, a removal to confirm");
                driver.executeScript("document.querySelector('#document-list label').replaceWith(document.createElement('input'))");
                assertEquals(1, blocking(driver).size(), "the planted violation: a checkbox without a label");
            } finally {
                driver.quit();
            }
        }
    }
}
