package dev.paracite.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.library.DocumentInfo;
import dev.paracite.server.LibraryServer;
import dev.paracite.server.Server;
import dev.paracite.server.ServerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The documents panel and the paged document browser in headless Chromium against a server over a library. */
class DocumentsPanelTest {

    @TempDir
    Path dir;
    private LibraryServer served;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void installed() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
        if (served != null) {
            served.close();
        }
    }

    private void open() {
        served = LibraryServer.start(dir.resolve("library"));
        driver = Browser.start(1280, 900);
        wait = patient(Browser.openChat(driver, served.port()));
    }

    /** Generous: these tests share a small machine with other builds. */
    private WebDriverWait patient(WebDriverWait opened) {
        return new WebDriverWait(driver, Duration.ofSeconds(90));
    }

    private void openDocuments() {
        wait.until(d -> d.findElement(By.id("show-documents")).isDisplayed());
        driver.findElement(By.id("show-documents")).click();
        wait.until(d -> d.findElement(By.id("documents")).isDisplayed());
    }

    private Path file(String name, String text) throws IOException {
        Path folder = Files.createTempDirectory(dir, "files");
        return Files.writeString(folder.resolve(name), text);
    }

    private List<String> uploadLines() {
        return driver.findElements(By.cssSelector("#uploads li")).stream().map(WebElement::getText).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> listed() {
        return (List<String>) driver.executeScript(
                "return [...document.querySelectorAll('#document-list li.document')].map(e => e.dataset.id)");
    }

    /** Waits until {@code count} uploads have a result line and the page has read the library again. */
    private void awaitUploads(int count) {
        wait.until(d -> d.findElements(By.cssSelector("#uploads li:not(.pending)")).size() == count
                && d.findElements(By.cssSelector("#documents[aria-busy]")).isEmpty());
    }

    private WebElement ask(String question) {
        int before = driver.findElements(By.cssSelector(".msg.assistant")).size();
        WebElement box = driver.findElement(By.id("question"));
        box.sendKeys(question, Keys.ENTER);
        By answers = By.cssSelector(".msg.assistant:not(.pending)");
        wait.until(d -> d.findElements(answers).size() > before);
        List<WebElement> done = driver.findElements(answers);
        return done.get(done.size() - 1);
    }

    private static List<String> chips(WebElement answer) {
        return answer.findElements(By.cssSelector(".body button.chip")).stream().map(WebElement::getText).toList();
    }

    @Test
    void files_chosen_in_the_picker_are_added_and_listed_with_their_versions_and_ingestion_notes() throws IOException {
        open();
        openDocuments();
        assertTrue(driver.findElement(By.id("documents-empty")).isDisplayed(), "an empty library says so");
        WebElement picker = driver.findElement(By.id("files"));
        picker.sendKeys(file("security.txt", LibraryServer.SECURITY) + "\n" + file("travel.txt", LibraryServer.TRAVEL_WITH_GAP));
        awaitUploads(2);
        assertEquals(List.of("security.txt: added security version 1 (4 paragraphs).",
                "travel.txt: added travel version 1 (4 paragraphs, 1 ingestion note)."), uploadLines());
        wait.until(d -> listed().size() == 2);
        assertEquals(List.of("security", "travel"), listed());
        wait.until(d -> d.findElement(By.id("doc-name")).getText().startsWith("Library · 2 documents · 8 paragraphs"));

        picker.sendKeys(file("security.txt", LibraryServer.SECURITY_2).toString());
        awaitUploads(3);
        picker.sendKeys(file("security.txt", LibraryServer.SECURITY_2).toString());
        awaitUploads(4);
        picker.sendKeys(file("tool.txt", "\u0000\u0001\u0002 not text \u0000").toString());
        awaitUploads(5);
        List<String> lines = uploadLines();
        assertEquals("security.txt: added security version 2 (4 paragraphs).", lines.get(2));
        assertEquals("security.txt: unchanged: security version 2 already holds it.", lines.get(3));
        assertTrue(lines.get(4).startsWith("tool.txt: ") && lines.get(4).contains("tool.txt")
                && driver.findElements(By.cssSelector("#uploads li.failed")).size() == 1, lines.get(4));
        assertEquals(List.of("security", "travel"), listed(), "the unreadable file is not listed");

        wait.until(d -> d.findElement(By.cssSelector("li[data-id=security] .doc-meta")).getText().startsWith("version 2"));
        assertEquals("version 2 · 4 paragraphs", driver.findElement(By.cssSelector("li[data-id=security] .doc-meta")).getText());
        driver.findElement(By.cssSelector("li[data-id=security] details summary")).click();
        wait.until(d -> d.findElements(By.cssSelector("li[data-id=security] li.version")).size() == 2);
        List<WebElement> versions = driver.findElements(By.cssSelector("li[data-id=security] li.version"));
        assertTrue(versions.get(0).getText().startsWith("Version 2 · 4 paragraphs · security.txt · added "), versions.get(0).getText());
        assertTrue(versions.get(1).getText().startsWith("Version 1 · "), versions.get(1).getText());
        driver.findElement(By.cssSelector("li[data-id=travel] details summary")).click();
        wait.until(d -> !d.findElements(By.cssSelector("li[data-id=travel] .notes-list li")).isEmpty());
        assertEquals("flagged line 4: paragraph 4 follows paragraph 2; number 3 is missing",
                driver.findElement(By.cssSelector("li[data-id=travel] .notes-list li")).getText());
        Browser.screenshot(driver, "30-documents-panel");
    }

    @Test
    void a_file_dropped_on_the_panel_is_added() {
        open();
        openDocuments();
        // a drop as the browser delivers one: the File in a DataTransfer, on the panel
        driver.executeScript("const data = new DataTransfer();"
                + "data.items.add(new File([arguments[0]], 'travel.txt', {type: 'text/plain'}));"
                + "const panel = document.getElementById('documents');"
                + "panel.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));"
                + "window.dropZoneHighlighted = document.getElementById('drop').classList.contains('dragging');"
                + "panel.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));",
                LibraryServer.TRAVEL_WITH_GAP);
        assertEquals(Boolean.TRUE, driver.executeScript("return window.dropZoneHighlighted"), "dragging over shows where to drop");
        awaitUploads(1);
        assertEquals(List.of("travel.txt: added travel version 1 (4 paragraphs, 1 ingestion note)."), uploadLines());
        assertEquals(List.of("travel"), listed());
        assertFalse(driver.findElement(By.id("drop")).getAttribute("class").contains("dragging"));
        assertEquals(List.of("travel"), served.library().documents().stream().map(DocumentInfo::id).toList());
    }

    @Test
    void a_checked_document_scopes_the_question_and_chips_show_the_cited_version() throws IOException {
        open();
        served.add("security.txt", LibraryServer.SECURITY);
        served.add("travel.txt", LibraryServer.TRAVEL_WITH_GAP);
        driver.navigate().refresh();
        openDocuments();
        wait.until(d -> listed().size() == 2);
        assertEquals("Asking all documents.", driver.findElement(By.id("scope")).getText());
        assertEquals(List.of("travel §2"), chips(ask("Which class is used for short flights?")), "unscoped, travel answers");

        driver.findElement(By.cssSelector("li[data-id=security] input[type=checkbox]")).click();
        assertEquals("Asking only: security.", driver.findElement(By.id("scope")).getText());
        WebElement outside = ask("Which class is used for short flights?");
        assertTrue(outside.getAttribute("class").contains("not-found"), "scoped to security, travel is not asked: "
                + outside.getText());
        WebElement answer = ask("What happens to lost badges?");
        assertEquals(List.of("security §2"), chips(answer));

        // a newer version changes paragraph 2; the answer still shows the words it cited
        driver.findElement(By.id("files")).sendKeys(file("security.txt", LibraryServer.SECURITY_2).toString());
        awaitUploads(1);
        assertEquals("security.txt: added security version 2 (4 paragraphs).", uploadLines().get(0));
        assertEquals("Asking only: security.", driver.findElement(By.id("scope")).getText(), "the choice survives the upload");
        driver.findElement(By.id("documents-close")).click();
        WebElement chip = answer.findElement(By.cssSelector(".body button.chip"));
        driver.executeScript("arguments[0].focus()", chip);
        WebElement preview = driver.findElement(By.id("preview"));
        wait.until(d -> preview.isDisplayed());
        assertEquals("security §2 (version 1)\nLost badges are reported to the front desk the same day.", preview.getText());
        chip.click();
        wait.until(d -> d.findElement(By.id("paragraph-panel")).isDisplayed());
        assertEquals("security §2 (version 1)", driver.findElement(By.id("panel-title")).getText());
        assertEquals("Lost badges are reported to the front desk the same day.",
                driver.findElement(By.id("panel-text")).getText());
        Browser.screenshot(driver, "31-scoped-answer");

        // the saved chat, opened again, still cites version 1
        driver.navigate().refresh();
        By saved = By.xpath("//li[contains(@class,'assistant')]//span[contains(@class,'body')]//button[normalize-space()='security §2']");
        wait.until(d -> !d.findElements(saved).isEmpty());
        driver.executeScript("arguments[0].focus()", driver.findElement(saved));
        wait.until(d -> d.findElement(By.id("preview")).isDisplayed());
        assertEquals("security §2 (version 1)\nLost badges are reported to the front desk the same day.",
                driver.findElement(By.id("preview")).getText());
    }

    @Test
    void remove_asks_for_confirmation_then_removes_the_document() {
        open();
        served.add("security.txt", LibraryServer.SECURITY);
        served.add("travel.txt", LibraryServer.TRAVEL_WITH_GAP);
        driver.navigate().refresh();
        openDocuments();
        wait.until(d -> listed().size() == 2);
        WebElement remove = driver.findElement(By.cssSelector("li[data-id=travel] button.remove"));
        remove.click();
        assertEquals("Remove travel and all its versions", remove.getText());
        assertEquals(List.of("security", "travel"), listed(), "nothing is removed before the confirmation");
        driver.findElement(By.cssSelector("li[data-id=travel] button.cancel")).click();
        assertEquals("Remove", remove.getText());
        remove.click();
        remove.click();
        wait.until(d -> listed().equals(List.of("security")));
        assertEquals("Removed travel.", driver.findElement(By.id("documents-status")).getText());
        assertEquals(List.of("security"), served.library().documents().stream().map(DocumentInfo::id).toList());
        wait.until(d -> d.findElement(By.id("doc-name")).getText().startsWith("Library · 1 document · 4 paragraphs"));
    }

    @Test
    void removing_needs_the_access_key_when_keys_are_on() {
        served = LibraryServer.start(dir.resolve("library"), new ServerSettings(List.of("door-key"), 0, 0, 100, List.of()));
        served.add("security.txt", LibraryServer.SECURITY);
        served.add("travel.txt", LibraryServer.TRAVEL_WITH_GAP);
        driver = Browser.start(1280, 900);
        driver.get("http://127.0.0.1:" + served.port() + "/");
        wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        wait.until(d -> d.findElement(By.id("key-form")).isDisplayed());
        driver.findElement(By.id("access-key")).sendKeys("door-key", Keys.ENTER);
        openDocuments();
        wait.until(d -> listed().size() == 2);

        driver.executeScript("sessionStorage.setItem('paracite.accessKey', 'wrong-key')");
        WebElement remove = driver.findElement(By.cssSelector("li[data-id=travel] button.remove"));
        remove.click();
        remove.click();
        wait.until(d -> !d.findElement(By.id("documents-status")).getText().isEmpty());
        assertEquals("Removing a document needs an access key: enter it above, then remove again.",
                driver.findElement(By.id("documents-status")).getText());
        assertTrue(driver.findElement(By.id("key-form")).isDisplayed(), "the key form asks for the key");
        assertEquals(2, served.library().documents().size(), "nothing removed without the key");

        WebElement before = driver.findElement(By.cssSelector("li[data-id=travel]"));
        driver.findElement(By.id("access-key")).sendKeys("door-key", Keys.ENTER);
        wait.until(ExpectedConditions.stalenessOf(before)); // the page read the library again, with the key
        WebElement again = driver.findElement(By.cssSelector("li[data-id=travel] button.remove"));
        again.click();
        again.click();
        wait.until(d -> listed().equals(List.of("security")));
        assertEquals("Removed travel.", driver.findElement(By.id("documents-status")).getText());
        assertEquals(List.of("security"), served.library().documents().stream().map(DocumentInfo::id).toList());
    }

    @Test
    void the_document_browser_loads_a_long_document_a_hundred_paragraphs_at_a_time() {
        StringBuilder text = new StringBuilder("Handbook\n");
        for (int i = 1; i <= 250; i++) {
            text.append(i).append(i == 240 ? ". The lighthouse keeper rings the brass bell at dawn."
                    : ". Rule " + i + " is about " + (i % 2 == 0 ? "apples" : "pears") + ".").append('\n');
        }
        open();
        served.add("handbook.txt", text.toString());
        driver.navigate().refresh();
        wait.until(d -> d.findElement(By.id("doc-name")).getText().startsWith("Library · 1 document · 251 paragraphs"));
        driver.findElement(By.id("browse")).click();
        By items = By.cssSelector("#sections li");
        wait.until(d -> d.findElements(items).size() == 100);
        WebElement count = driver.findElement(By.id("filter-count"));
        assertEquals("100 of 251 paragraphs loaded.", count.getText());
        driver.findElement(By.id("filter")).sendKeys("apples");
        assertEquals("49 of 100 loaded paragraphs match; 251 in all.", count.getText());
        WebElement more = driver.findElement(By.id("more"));
        more.click();
        wait.until(d -> count.getText().startsWith("99 of 200"));
        assertEquals("99 of 200 loaded paragraphs match; 251 in all.", count.getText());
        more.click();
        wait.until(d -> !more.isDisplayed());
        assertEquals("124 of 251 paragraphs", count.getText(), "125 even numbers, less 240, which is the lighthouse");
        driver.findElement(By.id("filter")).clear();
        driver.findElement(By.id("filter")).sendKeys(Keys.SPACE, Keys.BACK_SPACE);
        wait.until(d -> d.findElements(items).size() == 251);
        Browser.screenshot(driver, "32-paged-browser");
    }

    @Test
    void a_chip_for_a_paragraph_the_browser_has_not_loaded_shows_the_answers_own_text() {
        StringBuilder text = new StringBuilder("Handbook\n");
        for (int i = 1; i <= 250; i++) {
            text.append(i).append(i == 240 ? ". The lighthouse keeper rings the brass bell at dawn."
                    : ". Rule " + i + " is about " + (i % 2 == 0 ? "apples" : "pears") + ".").append('\n');
        }
        open();
        served.add("handbook.txt", text.toString());
        driver.navigate().refresh();
        wait.until(d -> d.findElement(By.id("doc-name")).getText().startsWith("Library · 1 document"));
        WebElement answer = ask("Who rings the brass bell?");
        assertEquals(List.of("handbook §240"), chips(answer));
        assertFalse((Boolean) driver.executeScript("return state.paragraphs.has('240')"), "page 3 is not loaded");
        driver.executeScript("arguments[0].focus()", answer.findElement(By.cssSelector(".body button.chip")));
        WebElement preview = driver.findElement(By.id("preview"));
        wait.until(d -> preview.isDisplayed());
        assertEquals("handbook §240 (version 1)\nThe lighthouse keeper rings the brass bell at dawn.", preview.getText());
    }

    @Test
    void a_server_answering_from_one_document_shows_no_documents_panel() {
        try (Server one = Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0)) {
            driver = Browser.start(1280, 900);
            wait = patient(Browser.openChat(driver, one.port()));
            wait.until(d -> !d.findElements(By.cssSelector("#filter-count")).get(0).getAttribute("textContent").isEmpty());
            assertFalse(driver.findElement(By.id("show-documents")).isDisplayed());
            assertFalse(driver.findElement(By.id("scope")).isDisplayed());
            assertFalse(driver.findElement(By.id("doc-name")).getText().startsWith("Library"));
            WebElement answer = ask("What role should the ruble play?");
            assertEquals("8", chips(answer).get(0), "one document: chips are bare labels");
        }
    }
}
