package dev.paracite.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Shared;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.Draft;
import dev.paracite.assistant.ScriptedModel;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import dev.paracite.server.Server;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The chat page against a server whose model answers what the test scripts. */
class ChatPageScriptedTest {

    private static final String QUESTION = "What role should the ruble play?";

    @Test
    void a_notice_is_shown_under_the_checked_part_of_an_unfinished_answer() {
        withPage(Draft.unfinished("The ruble should become a reserve currency [8]. Moscow will annex"), driver -> {
            WebElement answer = ask(driver);
            assertFalse(answer.getAttribute("class").contains("not-found"), answer.getText());
            WebElement body = answer.findElement(By.cssSelector(".body"));
            assertTrue(body.getText().startsWith("The ruble should become a reserve currency."), body.getText());
            assertEquals(List.of("8"), answer.findElements(By.cssSelector(".body button.chip")).stream()
                    .map(WebElement::getText).toList());
            WebElement notice = answer.findElement(By.cssSelector("p.notice"));
            assertTrue(notice.isDisplayed());
            assertEquals("The model stopped before finishing; the answer may be incomplete.", notice.getText());
            assertFalse(driver.findElement(By.id("log")).getText().contains("Moscow"));
            assertFalse(driver.findElement(By.id("log")).getDomProperty("textContent").contains("Moscow"));
            Browser.screenshot(driver, "10-notice");
        });
    }

    @Test
    void markup_in_a_statement_of_the_model_is_shown_as_text() {
        String statement = "The <b>Russian ruble</b> should be used in the foreseeable future as a <i>reserve currency</i>.";
        withPage(Draft.answer(statement.substring(0, statement.length() - 1) + " [8]."), driver -> {
            WebElement answer = ask(driver);
            assertFalse(answer.getAttribute("class").contains("not-found"), answer.getText());
            WebElement body = answer.findElement(By.cssSelector(".body"));
            assertEquals(statement + "8", body.getDomProperty("textContent"), "the statement as text, then its chip");
            assertEquals(List.of("8"), body.findElements(By.cssSelector("button.chip")).stream()
                    .map(WebElement::getText).toList());
            assertEquals(0, driver.findElements(By.cssSelector("#log b, #log i, #log img, #log a")).size());
            assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
            Browser.screenshot(driver, "12-model-markup-as-text");
        });
    }

    @Test
    void a_models_inline_markdown_is_rendered_and_its_links_and_images_stay_text() {
        String answer = "The **Russian ruble** should be used as a *reserve currency* in the `foreseeable future` [8].";
        withPage(Draft.answer(answer), driver -> {
            WebElement body = ask(driver).findElement(By.cssSelector(".body"));
            assertEquals(List.of("Russian ruble"), body.findElements(By.tagName("strong")).stream().map(WebElement::getText).toList());
            assertEquals(List.of("reserve currency"), body.findElements(By.tagName("em")).stream().map(WebElement::getText).toList());
            assertEquals(List.of("foreseeable future"), body.findElements(By.tagName("code")).stream().map(WebElement::getText).toList());
            assertTrue(body.getText().startsWith("The Russian ruble should be used as a reserve currency"), body.getText());
            Browser.screenshot(driver, "15-markdown");
            // what a hostile model might write, through the same renderer (the check drops most of it first)
            String hostile = "See [the source](javascript:alert(1)) and ![chart](http://evil.example/x.png) "
                    + "<img src=x onerror=alert(2)> **<b>bold</b>**";
            driver.executeScript("const box = document.createElement('div'); box.id = 'hostile';"
                    + "box.append(...inline(arguments[0])); document.body.append(box);", hostile);
            WebElement box = driver.findElement(By.id("hostile"));
            assertEquals(0, box.findElements(By.cssSelector("a, img, b")).size());
            assertEquals("See [the source](javascript:alert(1)) and ![chart](http://evil.example/x.png) "
                    + "<img src=x onerror=alert(2)> <b>bold</b>", box.getDomProperty("textContent"));
            assertEquals(List.of("<b>bold</b>"), box.findElements(By.tagName("strong")).stream()
                    .map(e -> e.getDomProperty("textContent")).toList());
            assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
        });
    }

    @Test
    void the_fallback_notice_is_shown_with_the_answer_it_explains() {
        Browser.assumeInstalled();
        Document document = DocumentLoader.builtIn();
        LuceneParagraphSearch search = LuceneParagraphSearch.build(document, RetrievalSettings.DEFAULT, Shared.embedder());
        Assistant assistant = new Assistant(new Retriever(document, search),
                ScriptedModel.failing(new dev.paracite.assistant.ModelUnavailableException("openai", 0, true,
                        "The openai model server cannot be reached.", null)),
                new dev.paracite.extractive.ExtractiveModel(search.terms(), Shared.embedder()),
                dev.paracite.assistant.FollowUp.INSTANCE, Shared.support());
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true));
        try (Server server = Server.start(assistant, "127.0.0.1", 0)) {
            ChromeDriver driver = Browser.start(1280, 900);
            try {
                Browser.openChat(driver, server.port());
                WebElement answer = ask(driver);
                WebElement notice = answer.findElement(By.cssSelector("p.notice"));
                assertTrue(notice.isDisplayed());
                assertTrue(notice.getText().contains("was unavailable (The openai model server cannot be reached.)")
                        && notice.getText().contains("model answered instead"), notice.getText());
                assertTrue(answer.findElement(By.cssSelector(".body")).getText().contains("reserve currency"));
            } finally {
                driver.quit();
            }
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void the_keyboard_reaches_the_controls_in_reading_order() {
        withPage(Draft.answer("The ruble should become a reserve currency [8]."), driver -> {
            WebElement answer = ask(driver);
            // start from the page's heading, as a reader tabbing from the top would
            driver.executeScript("const h = document.querySelector('h1'); h.tabIndex = -1; h.focus();");
            List<String> order = new java.util.ArrayList<>();
            for (int i = 0; i < 9; i++) {
                new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.TAB).perform();
                WebElement focused = driver.switchTo().activeElement();
                order.add(focused.getAttribute("id").isEmpty() ? focused.getAttribute("class") + ":" + focused.getText()
                        : "#" + focused.getAttribute("id"));
            }
            assertEquals(List.of("#show-chats", "#browse", "#new-chat", "chip:8", "chip:8", "copy:Copy",
                    "regenerate:Regenerate", "edit:Edit question", "#question"), order);
            assertTrue(answer.isDisplayed());
        });
    }

    @Test
    void a_models_list_items_are_shown_as_a_list() {
        String answer = "The Payment Union is to achieve:\n- the mutual convertibility of national currencies [8];\n"
                + "- the use of the Russian ruble as a reserve currency [8].";
        withPage(Draft.answer(answer), driver -> {
            WebElement body = ask(driver).findElement(By.cssSelector(".body"));
            List<WebElement> bullets = body.findElements(By.cssSelector(".bullet"));
            assertTrue(bullets.size() >= 1 && bullets.stream().allMatch(b -> b.getText().strip().equals("•")), body.getText());
            assertTrue(body.getText().contains("\n• the use of the Russian ruble as a reserve currency."), body.getText());
        });
    }

    private static WebElement ask(ChromeDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElement(By.id("doc-name")).getText().isEmpty());
        driver.findElement(By.id("question")).sendKeys(QUESTION, Keys.ENTER);
        return wait.until(d -> d.findElement(By.cssSelector(".msg.assistant:not(.pending)")));
    }

    private static void withPage(Draft draft, Consumer<ChromeDriver> test) {
        Browser.assumeInstalled();
        Document document = DocumentLoader.builtIn();
        Assistant assistant = new Assistant(new Retriever(document,
                LuceneParagraphSearch.build(document, RetrievalSettings.BM25)),
                ScriptedModel.answering(request -> draft), Shared.support());
        try (Server server = Server.start(assistant, "127.0.0.1", 0)) {
            ChromeDriver driver = Browser.start(1280, 900);
            try {
                driver.get("http://127.0.0.1:" + server.port() + "/");
                test.accept(driver);
            } finally {
                driver.quit();
            }
        }
    }
}
