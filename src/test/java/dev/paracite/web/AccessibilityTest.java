package dev.paracite.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.server.Server;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
}
