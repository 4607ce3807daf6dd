package dev.paracite.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Shared;
import dev.paracite.assistant.AnswerModel;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.ScriptedModel;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import dev.paracite.server.Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A failing server: the page shows the error and keeps the typed question. */
class ChatPageErrorTest {

    @Test
    void an_error_is_shown_and_the_question_is_kept() {
        Browser.assumeInstalled();
        Document document = DocumentLoader.builtIn();
        AnswerModel broken = ScriptedModel.failing(new IllegalStateException("model down"));
        Assistant assistant = new Assistant(new Retriever(document,
                LuceneParagraphSearch.build(document, RetrievalSettings.DEFAULT, Shared.embedder())), broken, Shared.support());
        PrintStream original = System.err;
        ChromeDriver driver = null;
        try (Server server = Server.start(assistant, "127.0.0.1", 0)) {
            driver = Browser.start(1280, 900);
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true));
            driver.get("http://127.0.0.1:" + server.port() + "/");
            WebElement box = driver.findElement(By.id("question"));
            box.sendKeys("What role should the ruble play?", Keys.ENTER);
            WebElement error = new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.findElement(By.cssSelector(".msg.error")));
            assertEquals("Something went wrong", error.findElement(By.cssSelector(".title")).getText());
            assertTrue(error.getText().contains("request id"), error.getText());
            assertFalse(error.getText().contains("model down"));
            assertEquals("What role should the ruble play?", box.getAttribute("value"));
            Browser.screenshot(driver, "08-error-keeps-question");
        } finally {
            System.setErr(original);
            if (driver != null) {
                driver.quit();
            }
        }
    }
}
