package dev.paracite.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Shared;
import dev.paracite.assistant.AnswerModel;
import dev.paracite.assistant.AnswerRequest;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.Draft;
import dev.paracite.assistant.Turn;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import dev.paracite.server.Server;
import dev.paracite.server.ServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The conversation as a person has it while answers are being written: New chat, Stop, typing ahead,
 * scrolling back, a server that goes away. The model writes its first statement at once and the rest
 * only when the test opens its gate (or the call is cancelled), so every step happens mid-answer.
 */
class ChatConversationTest {

    private static final String FIRST = "The ruble should become a reserve currency [8].";
    /** The first words of the next sentence: a statement is shown once the text after it shows it has ended. */
    private static final String NEXT = " The main";
    private static final String SECOND = " efforts focus on agreeing the positions of the CIS states in the UN [18].";

    /** A model that streams {@link #FIRST} and the next words, waits for the gate, then streams the rest. */
    private static final class GatedModel implements AnswerModel {
        final List<List<Turn>> histories = new CopyOnWriteArrayList<>();
        final CountDownLatch cancelled = new CountDownLatch(1);
        volatile CountDownLatch gate = new CountDownLatch(1);

        @Override
        public String name() {
            return "gated";
        }

        @Override
        public Draft answer(AnswerRequest request) {
            return stream(request, piece -> { });
        }

        @Override
        public Draft stream(AnswerRequest request, Consumer<String> onText) {
            histories.add(request.history());
            CountDownLatch mine = gate;
            try (var ignored = request.call().onCancel(() -> {
                cancelled.countDown();
                mine.countDown();
            })) {
                onText.accept(FIRST + NEXT);
                mine.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (request.call().cancelled()) {
                throw new dev.paracite.assistant.ModelUnavailableException("gated", 0, false, "cancelled", null);
            }
            onText.accept(SECOND);
            return Draft.answer(FIRST + NEXT + SECOND);
        }
    }

    private GatedModel model;
    private Server server;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void open() {
        Browser.assumeInstalled();
        model = new GatedModel();
        Document document = DocumentLoader.builtIn();
        Assistant assistant = new Assistant(new Retriever(document, LuceneParagraphSearch.build(document,
                RetrievalSettings.DEFAULT, Shared.embedder())), model, Shared.support());
        server = Server.start(assistant, "127.0.0.1", 0, ServerSettings.open().withDrain(Duration.ofMillis(200)));
        driver = Browser.start(1280, 900);
        wait = Browser.openChat(driver, server.port());
    }

    @AfterEach
    void close() {
        model.gate.countDown();
        if (driver != null) {
            driver.quit();
        }
        server.close();
    }

    private WebElement box() {
        return driver.findElement(By.id("question"));
    }

    /** Asks and waits until the first statement is on the page; the answer is then still being written. */
    private WebElement askAndWaitForFirstStatement(String question) {
        int before = driver.findElements(By.cssSelector(".msg.assistant")).size();
        box().sendKeys(question, Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".msg.assistant")).size() > before);
        WebElement item = driver.findElements(By.cssSelector(".msg.assistant")).get(before);
        wait.until(d -> item.findElements(By.cssSelector(".body button.chip")).size() == 1);
        return item;
    }

    @Test
    void new_chat_during_an_answer_ends_it_and_nothing_of_it_reaches_the_new_chat() {
        askAndWaitForFirstStatement("What role should the ruble play?");
        driver.findElement(By.id("new-chat")).click();
        wait.until(d -> d.findElements(By.cssSelector("#log .msg")).isEmpty());
        assertTrue(driver.findElement(By.id("send")).isEnabled(), "Ask is enabled again at once");
        model.gate = new CountDownLatch(1);
        model.gate.countDown();
        box().sendKeys("What is the Collective Security Treaty?", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".msg.assistant:not(.pending)")).size() == 1);
        assertEquals(1, driver.findElements(By.cssSelector("#log .msg.user")).size());
        assertEquals(List.of(), model.histories.get(model.histories.size() - 1),
                "the new chat's question went without the old chat's turns");
        assertTrue(awaitCancelled(), "the old answer's model call was cancelled");
    }

    @Test
    void leaving_the_page_during_an_answer_cancels_its_model_call() {
        askAndWaitForFirstStatement("What role should the ruble play?");
        driver.get("about:blank");
        assertTrue(awaitCancelled(), "the server cancelled the model call of a page that was left");
    }

    @Test
    void text_typed_while_an_answer_streams_is_kept_and_asking_then_says_why_it_waits() {
        askAndWaitForFirstStatement("What role should the ruble play?");
        box().sendKeys("And the borders?");
        box().sendKeys(Keys.ENTER);
        assertFalse(driver.findElement(By.id("send")).isEnabled());
        assertTrue(driver.findElement(By.id("ask-hint")).getText().contains("press Stop"),
                driver.findElement(By.id("ask-hint")).getText());
        assertEquals(1, driver.findElements(By.cssSelector("#log .msg.user")).size(), "nothing was sent meanwhile");
        model.gate.countDown();
        wait.until(d -> d.findElements(By.cssSelector(".msg.assistant:not(.pending)")).size() == 1);
        assertEquals("And the borders?", box().getAttribute("value"), "the typed text survived the answer's end");
        assertTrue(driver.findElement(By.id("send")).isEnabled());
    }

    @Test
    void stop_keeps_the_checked_statements_marks_the_answer_and_cancels_the_model_call() {
        WebElement item = askAndWaitForFirstStatement("What role should the ruble play?");
        assertEquals("true", item.getAttribute("aria-busy"));
        driver.findElement(By.id("stop")).click();
        wait.until(d -> item.getAttribute("class").contains("stopped"));
        assertTrue(item.findElement(By.cssSelector(".body")).getText().startsWith("The ruble should become a reserve currency"));
        assertTrue(item.findElement(By.cssSelector(".notice")).getText().startsWith("Stopped."));
        assertNull(item.getAttribute("aria-busy"));
        assertTrue(awaitCancelled(), "Stop cancelled the model call on the server");
        assertTrue(driver.findElement(By.id("send")).isEnabled());
        assertFalse(driver.findElement(By.id("stop")).isDisplayed());
        Browser.screenshot(driver, "13-stopped");
    }

    @Test
    void a_finished_answer_is_announced_once_and_turns_are_labelled() {
        assertEquals(null, driver.findElement(By.id("log")).getAttribute("aria-live"), "the log is not re-read on every piece");
        model.gate.countDown();
        box().sendKeys("What role should the ruble play?", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".msg.assistant:not(.pending)")).size() == 1);
        String announced = driver.findElement(By.id("announce")).getDomProperty("textContent");
        assertTrue(announced.startsWith("Answer: The ruble should become a reserve currency"), announced);
        assertEquals("polite", driver.findElement(By.id("announce")).getAttribute("aria-live"));
        assertEquals(List.of("You", "Paracite"), driver.findElements(By.cssSelector("#log .who")).stream()
                .map(e -> e.getDomProperty("textContent")).toList());
    }

    @Test
    void scrolled_up_during_an_answer_the_page_stays_and_offers_to_jump_to_the_latest() {
        model.gate.countDown();
        for (int i = 0; i < 8; i++) {
            int before = driver.findElements(By.cssSelector(".msg.assistant:not(.pending)")).size();
            box().sendKeys("What role should the ruble play?", Keys.ENTER);
            wait.until(d -> d.findElements(By.cssSelector(".msg.assistant:not(.pending)")).size() > before);
        }
        model.gate = new CountDownLatch(1);
        askAndWaitForFirstStatement("What role should the ruble play?");
        driver.executeScript("window.scrollTo(0, 0)");
        model.gate.countDown();
        wait.until(d -> d.findElements(By.cssSelector(".msg.assistant.pending")).isEmpty());
        Number y = (Number) driver.executeScript("return window.scrollY");
        assertEquals(0, y.intValue(), "the page did not pull the reader back down");
        WebElement jump = driver.findElement(By.id("jump"));
        assertTrue(jump.isDisplayed());
        jump.click();
        wait.until(d -> ((Number) driver.executeScript("return window.scrollY")).intValue() > 0);
        assertFalse(jump.isDisplayed());
    }

    @Test
    void a_stream_cut_by_the_server_keeps_the_partial_answer_marked_incomplete_with_a_retry() {
        WebElement item = askAndWaitForFirstStatement("What role should the ruble play?");
        server.stop(); // drain 200 ms, then the open stream is ended with an error event
        wait.until(d -> item.getAttribute("class").contains("incomplete"));
        assertTrue(item.findElement(By.cssSelector(".body")).getText().startsWith("The ruble should become a reserve currency"));
        assertTrue(item.findElement(By.cssSelector(".notice")).getText().contains("shutting down"),
                item.findElement(By.cssSelector(".notice")).getText());
        assertTrue(item.findElement(By.cssSelector("button.retry")).isDisplayed());
        assertEquals("What role should the ruble play?", box().getAttribute("value"), "the question is back in the box");
        // the server is gone now: asking again is an error in plain words, with the question kept
        box().clear();
        box().sendKeys("Who protects the borders?", Keys.ENTER);
        WebElement error = wait.until(d -> d.findElement(By.cssSelector(".msg.error")));
        assertTrue(error.getText().contains("The server cannot be reached"), error.getText());
        assertFalse(error.getText().contains("Failed to fetch"));
        assertTrue(error.findElement(By.cssSelector("button.retry")).isDisplayed());
        assertEquals("Who protects the borders?", box().getAttribute("value"));
    }

    @Test
    void a_paragraph_opened_from_the_browser_lies_over_it_and_escape_gives_focus_back() {
        driver.findElement(By.id("browse")).click();
        WebElement entry = wait.until(d -> d.findElement(By.cssSelector("#sections li button")));
        entry.click();
        WebElement panel = driver.findElement(By.id("paragraph-panel"));
        assertTrue(panel.isDisplayed());
        Object onTop = driver.executeScript("const r = arguments[0].getBoundingClientRect();"
                + "return arguments[0].contains(document.elementFromPoint(r.left + r.width / 2, r.top + 40));", panel);
        assertEquals(Boolean.TRUE, onTop, "the paragraph is drawn over the document browser");
        assertEquals("panel-close", driver.switchTo().activeElement().getAttribute("id"));
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertFalse(panel.isDisplayed());
        assertEquals(entry, driver.switchTo().activeElement(), "focus returns to the paragraph's button");
    }

    @Test
    void the_page_has_an_icon_and_a_title_naming_the_document() throws Exception {
        HttpResponse<String> icon = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, icon.statusCode());
        assertTrue(icon.body().startsWith("<svg"), icon.body());
        assertEquals("strategic-course-cis · Paracite", driver.getTitle());
    }

    private WebElement askToTheEnd(String question) {
        model.gate.countDown();
        int before = driver.findElements(By.cssSelector(".msg.assistant:not(.pending)")).size();
        box().sendKeys(question, Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".msg.assistant:not(.pending)")).size() > before);
        List<WebElement> done = driver.findElements(By.cssSelector(".msg.assistant:not(.pending)"));
        return done.get(done.size() - 1);
    }

    @Test
    void a_chip_previews_its_passage_on_focus_and_the_sources_are_listed_under_the_answer() {
        WebElement answer = askToTheEnd("What role should the ruble play?");
        List<WebElement> sources = answer.findElements(By.cssSelector("ul.sources li"));
        assertEquals(List.of("8 II. Economic cooperation", "18 V. Coordination of activities to address international "
                        + "problems and interaction with the world community"),
                sources.stream().map(WebElement::getText).toList());
        WebElement preview = driver.findElement(By.id("preview"));
        assertFalse(preview.isDisplayed());
        driver.executeScript("arguments[0].focus()", answer.findElement(By.cssSelector(".body button.chip")));
        assertTrue(preview.isDisplayed());
        assertTrue(preview.getText().startsWith("Paragraph 8 · II. Economic cooperation"), preview.getText());
        List<WebElement> marks = preview.findElements(By.tagName("mark"));
        assertEquals(1, marks.size());
        assertTrue(marks.get(0).getText().contains("reserve currency"), marks.get(0).getText());
        Browser.screenshot(driver, "14-preview");
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertFalse(preview.isDisplayed());
    }

    @Test
    void copy_writes_the_answer_with_its_citations_spelled_out() {
        WebElement answer = askToTheEnd("What role should the ruble play?");
        driver.executeScript("window.copied = null; navigator.clipboard.writeText = (t) => { window.copied = t; "
                + "return Promise.resolve(); };");
        answer.findElement(By.cssSelector("button.copy")).click();
        wait.until(d -> driver.executeScript("return window.copied") != null);
        String copied = (String) driver.executeScript("return window.copied");
        assertTrue(copied.startsWith("The ruble should become a reserve currency [8]."), copied);
        assertTrue(copied.contains("\n[8] II. Economic cooperation: \u201c"), copied);
        assertTrue(copied.contains("[18] V. Coordination of activities"), copied);
    }

    @Test
    void regenerate_and_edit_work_on_the_last_question_only() {
        askToTheEnd("What role should the ruble play?");
        WebElement second = askToTheEnd("And the UN?");
        assertTrue(driver.findElements(By.cssSelector("#log .msg.assistant")).get(0)
                .findElements(By.cssSelector("button.regenerate")).isEmpty(), "the first answer is no longer the last");
        int asked = model.histories.size();
        second.findElement(By.cssSelector("button.regenerate")).click();
        wait.until(d -> model.histories.size() > asked
                && d.findElements(By.cssSelector(".msg.assistant:not(.pending)")).size() == 2);
        assertEquals(2, model.histories.get(model.histories.size() - 1).size(),
                "asked again with the history it had: one question and one answer");
        assertEquals(2, driver.findElements(By.cssSelector("#log .msg.user")).size());
        List<WebElement> answers = driver.findElements(By.cssSelector("#log .msg.assistant"));
        answers.get(answers.size() - 1).findElement(By.cssSelector("button.edit")).click();
        assertEquals("And the UN?", box().getAttribute("value"));
        assertEquals(1, driver.findElements(By.cssSelector("#log .msg.user")).size());
        assertEquals(driver.switchTo().activeElement(), box());
    }

    @Test
    void the_document_browser_shows_what_ingestion_dropped_or_flagged() {
        driver.findElement(By.id("browse")).click();
        WebElement notes = wait.until(d -> d.findElement(By.id("notes")));
        wait.until(d -> notes.isDisplayed());
        assertTrue(notes.getText().startsWith("12 ingestion notes"), notes.getText());
        notes.findElement(By.tagName("summary")).click();
        assertTrue(notes.getText().contains("dropped lines 63-65: paragraph 15 repeated with identical text"), notes.getText());
    }

    @Test
    void a_chat_is_saved_restored_on_reload_and_goes_on_with_its_history() {
        askToTheEnd("What role should the ruble play?");
        askToTheEnd("And the UN?");
        driver.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector("#log .msg.assistant")).size() == 2);
        assertEquals(List.of("What role should the ruble play?", "And the UN?"), driver.findElements(
                By.cssSelector("#log .msg.user .body")).stream().map(WebElement::getText).toList());
        WebElement restored = driver.findElements(By.cssSelector("#log .msg.assistant")).get(0);
        assertEquals(List.of("8", "18"), restored.findElements(By.cssSelector(".body button.chip")).stream()
                .map(WebElement::getText).toList());
        askToTheEnd("Why?");
        assertEquals(4, model.histories.get(model.histories.size() - 1).size(), "the restored turns went with the question");
    }

    @Test
    void saved_chats_can_be_renamed_exported_deleted_and_cleared() {
        askToTheEnd("What role should the ruble play?");
        driver.findElement(By.id("new-chat")).click();
        askToTheEnd("And the UN?");
        driver.findElement(By.id("show-chats")).click();
        List<WebElement> titles = driver.findElements(By.cssSelector("#chat-list .chat-title"));
        assertEquals(List.of("And the UN?", "What role should the ruble play?"),
                titles.stream().map(WebElement::getText).toList(), "newest first");
        driver.findElements(By.cssSelector("#chat-list button.rename")).get(1).click();
        WebElement input = driver.findElement(By.cssSelector("#chat-list .rename-input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "The ruble", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#chat-list .chat-title")).stream()
                .anyMatch(e -> e.getText().equals("The ruble")));
        String markdown = (String) driver.executeScript(
                "return chatMarkdown(loadChats().find(c => c.title === 'The ruble'))");
        assertTrue(markdown.startsWith("# The ruble\n"), markdown);
        assertTrue(markdown.contains("**You:** What role should the ruble play?"), markdown);
        assertTrue(markdown.contains("**Paracite:** The ruble should become a reserve currency [8]."), markdown);
        assertTrue(markdown.contains("[8] II. Economic cooperation: \u201c"), markdown);
        driver.navigate().refresh();
        Browser.openChat(driver, server.port());
        driver.findElement(By.id("show-chats")).click();
        assertTrue(driver.findElements(By.cssSelector("#chat-list .chat-title")).stream()
                .anyMatch(e -> e.getText().equals("The ruble")), "the new name was kept");
        driver.findElements(By.cssSelector("#chat-list button.delete")).get(0).click();
        wait.until(d -> d.findElements(By.cssSelector("#chat-list li")).size() == 1);
        driver.findElements(By.cssSelector("#chat-list .chat-title")).get(0).click();
        wait.until(d -> d.findElements(By.cssSelector("#log .msg.user .body")).stream()
                .anyMatch(e -> e.getText().equals("What role should the ruble play?")));
        driver.findElement(By.id("show-chats")).click();
        WebElement clear = driver.findElement(By.id("clear-chats"));
        clear.click();
        assertEquals(1, driver.findElements(By.cssSelector("#chat-list li")).size(), "the first click only asks");
        clear.click();
        wait.until(d -> d.findElements(By.cssSelector("#chat-list li")).isEmpty());
        assertTrue(driver.findElement(By.id("chats-empty")).isDisplayed());
    }

    @Test
    void screenshots_of_a_conversation_with_a_preview_open_on_desktop_phone_and_dark() {
        askToTheEnd("What role should the ruble play?");
        askToTheEnd("And the UN?");
        String[][] views = {{"16-desktop-preview", "1280", "900", "light"}, {"17-phone-preview", "375", "812", "light"},
                {"18-dark-preview", "1280", "900", "dark"}};
        for (String[] view : views) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(Integer.parseInt(view[1]), Integer.parseInt(view[2])));
            driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                    List.of(java.util.Map.of("name", "prefers-color-scheme", "value", view[3]))));
            List<WebElement> chips = driver.findElements(By.cssSelector("#log .msg.assistant .body button.chip"));
            WebElement chip = chips.get(chips.size() - 2);
            driver.executeScript("arguments[0].blur(); arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", chip);
            WebElement preview = driver.findElement(By.id("preview"));
            assertTrue(preview.isDisplayed(), view[0]);
            Number right = (Number) driver.executeScript("return arguments[0].getBoundingClientRect().right", preview);
            assertTrue(right.doubleValue() <= Integer.parseInt(view[1]), view[0] + ": the preview fits the width");
            Browser.screenshot(driver, view[0]);
        }
    }

    private boolean awaitCancelled() {
        try {
            return model.cancelled.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
