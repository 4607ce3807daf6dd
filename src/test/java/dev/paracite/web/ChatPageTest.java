package dev.paracite.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.server.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The chat page in real headless Chromium against the real server; each test saves a screenshot under target/. */
class ChatPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Server server;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void startServer() {
        Browser.assumeInstalled();
        server = Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void open() {
        driver = Browser.start(1280, 900);
        wait = Browser.openChat(driver, server.port());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    private WebElement ask(String question) {
        int before = driver.findElements(By.cssSelector(".msg.assistant")).size();
        WebElement box = driver.findElement(By.id("question"));
        box.sendKeys(question);
        box.sendKeys(Keys.ENTER);
        By answers = By.cssSelector(".msg.assistant:not(.pending)");
        wait.until(d -> d.findElements(answers).size() > before);
        List<WebElement> done = driver.findElements(answers);
        return done.get(done.size() - 1);
    }

    @Test
    void a_question_gets_a_streamed_answer_with_a_citation_chip() {
        WebElement answer = ask("What role should the ruble play?");
        assertTrue(answer.getText().contains("reserve currency"), answer.getText());
        List<WebElement> chips = answer.findElements(By.cssSelector(".body button.chip"));
        assertEquals(List.of("8"), chips.stream().map(WebElement::getText).toList());
        assertEquals("", driver.findElement(By.id("question")).getAttribute("value"), "the box clears after an answer");
        Browser.screenshot(driver, "01-answer-with-chip");
    }

    @Test
    void clicking_a_chip_shows_the_paragraph_with_the_supporting_sentence_highlighted() {
        ask("What role should the ruble play?").findElement(By.cssSelector("button.chip")).click();
        WebElement panel = driver.findElement(By.id("paragraph-panel"));
        wait.until(ExpectedConditions.visibilityOf(panel));
        assertEquals("Paragraph 8", panel.findElement(By.id("panel-title")).getText());
        assertEquals("II. Economic cooperation", panel.findElement(By.id("panel-section")).getText());
        assertTrue(panel.findElement(By.id("panel-text")).getText().startsWith("To consider the normalization"));
        List<WebElement> marks = panel.findElements(By.cssSelector("mark.support"));
        assertEquals(1, marks.size());
        assertTrue(marks.get(0).getText().contains("accelerate the practical work"), marks.get(0).getText());
        assertTrue(marks.get(0).getText().contains("Russian ruble"), marks.get(0).getText());
        Browser.screenshot(driver, "02-paragraph-panel");
    }

    @Test
    void the_highlight_is_exactly_the_span_the_api_cites() throws Exception {
        String question = "What role should the ruble play?";
        JsonNode response = api("POST", "/api/ask", JSON.writeValueAsString(Map.of("question", question)));
        JsonNode citation = response.path("statements").path(0).path("citations").path(0);
        String label = citation.path("paragraph").asText();
        int start = citation.path("start").asInt(-1);
        int end = citation.path("end").asInt(-1);
        String text = api("GET", "/api/paragraphs/" + label, null).path("text").asText();
        assertTrue(0 <= start && start < end && end <= text.length(), citation.toString());

        WebElement answer = ask(question);
        answer.findElement(By.xpath(".//button[contains(@class,'chip') and normalize-space()='" + label + "']")).click();
        WebElement panel = driver.findElement(By.id("paragraph-panel"));
        wait.until(ExpectedConditions.visibilityOf(panel));
        List<WebElement> marks = panel.findElements(By.cssSelector("#panel-text mark.support"));
        assertEquals(1, marks.size());
        String marked = marks.get(0).getDomProperty("textContent");
        assertEquals(text.substring(start, end), marked);
        assertTrue(marked.length() < text.length(), "the mark is a span, not the whole paragraph");
        assertEquals(text, panel.findElement(By.id("panel-text")).getDomProperty("textContent"),
                "the whole paragraph is shown around the mark");
        Browser.screenshot(driver, "11-exact-span");
    }

    private static JsonNode api(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(60));
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> reply = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        return JSON.readTree(reply.body());
    }

    @Test
    void a_follow_up_question_uses_the_history() {
        ask("What is the Collective Security Treaty?");
        WebElement followUp = ask("When was it signed?");
        assertTrue(followUp.getText().contains("May 15, 1992"), followUp.getText());
        assertFalse(followUp.getAttribute("class").contains("not-found"));
        Browser.screenshot(driver, "03-follow-up");
        driver.findElement(By.id("new-chat")).click();
        assertEquals(0, driver.findElements(By.cssSelector(".msg")).size());
        WebElement alone = ask("When was it signed?");
        assertTrue(alone.getAttribute("class").contains("not-found"), "without history the question has no subject");
    }

    @Test
    void markup_in_a_question_is_shown_literally_and_never_runs() {
        String attack = "<img src=x onerror=alert(1)> What about <b>borders</b>?";
        ask(attack);
        WebElement mine = driver.findElements(By.cssSelector(".msg.user .body")).get(0);
        assertEquals(attack, mine.getText());
        assertEquals(0, driver.findElements(By.cssSelector("#log img, #log b")).size());
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
        String markdown = "![leak](http://evil.example/x.png) [click](javascript:alert(2)) [99]";
        ask(markdown);
        List<WebElement> asked = driver.findElements(By.cssSelector(".msg.user .body"));
        assertEquals(markdown, asked.get(asked.size() - 1).getText());
        assertEquals(0, driver.findElements(By.cssSelector("#log img, #log a")).size());
        Browser.screenshot(driver, "04-markup-as-text");
    }

    @Test
    void a_question_the_document_cannot_answer_looks_distinct_and_lists_the_closest_paragraphs() {
        WebElement answer = ask("How much money is allocated to the Customs Union budget?");
        assertTrue(answer.getAttribute("class").contains("not-found"));
        assertEquals("The document does not cover this", answer.findElement(By.cssSelector(".title")).getText());
        List<WebElement> closest = answer.findElements(By.cssSelector(".closest button.chip"));
        assertFalse(closest.isEmpty());
        Browser.screenshot(driver, "05-not-in-document");
        closest.get(0).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("paragraph-panel")));
        assertEquals("Paragraph " + closest.get(0).getText(), driver.findElement(By.id("panel-title")).getText());
        assertEquals(0, driver.findElements(By.cssSelector("#panel-text mark")).size(), "closest paragraphs have no highlight");
    }

    @Test
    void the_document_browser_lists_paragraphs_by_section_and_filters_them() {
        driver.findElement(By.id("browse")).click();
        WebElement browser = driver.findElement(By.id("browser"));
        wait.until(ExpectedConditions.visibilityOf(browser));
        assertEquals(7, browser.findElements(By.cssSelector("h3")).size() - 1, "preamble plus 7 sections");
        assertEquals(25, browser.findElements(By.cssSelector("#sections li")).size());
        driver.findElement(By.id("filter")).sendKeys("ruble");
        wait.until(d -> d.findElements(By.cssSelector("#sections li")).size() == 1);
        assertEquals("1 of 25 paragraphs", driver.findElement(By.id("filter-count")).getText());
        assertTrue(browser.findElement(By.cssSelector("li .label")).getText().equals("8"));
        Browser.screenshot(driver, "06-document-browser");
        browser.findElement(By.cssSelector("li button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("paragraph-panel")));
        assertEquals("Paragraph 8", driver.findElement(By.id("panel-title")).getText());
        assertEquals(0, driver.findElements(By.cssSelector("#panel-text mark")).size(), "no highlight from the browser");
    }

    @Test
    void shift_enter_starts_a_new_line_instead_of_sending() {
        WebElement box = driver.findElement(By.id("question"));
        box.sendKeys("first line");
        box.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        box.sendKeys("second line");
        assertEquals("first line\nsecond line", box.getAttribute("value"));
        assertEquals(0, driver.findElements(By.cssSelector(".msg")).size());
    }

    @Test
    void it_works_at_375_pixels_wide_in_a_dark_colour_scheme() throws Exception {
        driver.quit();
        driver = Browser.start(375, 812);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        wait = Browser.openChat(driver, server.port());
        ask("What role should the ruble play?").findElement(By.cssSelector("button.chip")).click();
        assertEquals(375L, driver.executeScript("return window.innerWidth;"));
        Long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth;");
        assertTrue(scrollWidth <= 375, "no horizontal scrolling: " + scrollWidth);
        String background = (String) driver.executeScript("return getComputedStyle(document.body).backgroundColor;");
        assertEquals("rgb(22, 24, 28)", background);
        assertTrue(Files.size(Browser.screenshot(driver, "07-narrow-dark")) > 0);
    }
}
