package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callintel.core.recording.RecordingState;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.store.Database;
import io.callintel.server.store.JdbcRecordingStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app in a real browser (Debian's headless Chromium, through its chromedriver; nothing is downloaded)
 * against a real server: sign in, a use case created through the form with the API's validation shown at the
 * field, its page listing an uploaded recording and filtering it away, an edit, sign out. Writes by session cookie without the CSRF token are refused.
 */
class WebAppTest {

    private static final TestServer SERVER = TestServer.shared();
    private static final java.nio.file.Path MP3 =
            java.nio.file.Path.of("../engine-audio/src/test/resources/audio/speech.mp3");
    private static final java.nio.file.Path WAV =
            java.nio.file.Path.of("../engine-audio/src/test/resources/audio/speech-16k.wav");
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void openBrowser() {
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,900",
                        "--mute-audio",
                        "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInCreateAUseCaseAndSignOut() throws Exception {
        String token = SERVER.newOrgToken();
        browser.get(SERVER.base + "/");

        WebElement credential = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-credential")));
        audit("sign-in");
        credential.sendKeys("not-a-key");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("field-credential-error"), "Unknown or expired API key or token"));

        credential.clear();
        credential.sendKeys(token);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Use cases"));

        browser.findElement(By.linkText("New use case")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-usecase-name")));
        audit("use-case-form");
        browser.findElement(By.cssSelector("button[type=submit]")).click(); // no name
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("field-usecase-name-error"), "usecase_name"));
        assertEquals("true", browser.findElement(By.id("field-usecase-name")).getDomAttribute("aria-invalid"));

        assertEquals(
                "off",
                browser.findElement(By.id("field-analysis-config-redaction")).getDomProperty("value"),
                "nothing redacted unless chosen");
        browser.findElement(By.id("field-usecase-name")).sendKeys("Loan sales");
        browser.findElement(By.id("field-analysis-config-analysis-questions"))
                .sendKeys("Is the lead interested in the loan offer? (Yes/No)");
        browser.findElement(By.id("field-analysis-config-analysis-buckets"))
                .sendKeys("Hot lead: wants the loan now\nNot interested: declines the offer");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "Loan sales"));
        audit("use-cases");
        List<WebElement> cells = browser.findElements(By.cssSelector("tbody tr td"));
        assertEquals("1", cells.get(3).getText(), "one question");
        assertEquals("2", cells.get(4).getText(), "two buckets");

        // The use case's page: no recordings, then one uploaded through the API, then filtered away.
        browser.findElement(By.linkText("Loan sales")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "No recordings yet."));
        String useCase = browser.getCurrentUrl().replaceAll(".*#/usecases/", "");
        TestServer.Reply link = SERVER.post(
                ApiServer.BASE + "/acme/default/create-upload-link",
                token,
                TestServer.linkRequest(MP3, "audio/mpeg", useCase));
        assertEquals(201, link.status(), link.body());
        assertEquals(
                200,
                SERVER.putFile(link.json().path("upload_url").asText(), MP3, "audio/mpeg")
                        .status());
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "speech.mp3"));
        assertTrue(
                !browser.findElement(By.tagName("main")).getText().contains("null"),
                "nothing absent is written out: "
                        + browser.findElement(By.tagName("main")).getText());
        WebElement dashboard = browser.findElement(By.cssSelector("section.dashboard"));
        assertTrue(dashboard.getText().contains("1 call"), dashboard.getText());
        assertTrue(dashboard.getText().contains("Hot lead"), "every bucket is listed: " + dashboard.getText());
        assertTrue(
                dashboard.getText().contains("Is the lead interested in the loan offer? (Yes/No)"),
                dashboard.getText());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("field-state"))).selectByValue("FAILED");
        browser.findElement(By.cssSelector("form.recording-filters button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "No recordings match."));

        // The recording's page, once analysed: click a word to seek to it, play, and the highlight follows.
        String recording = link.json().path("recording_uuid").asText();
        awaitAnalysed(token, useCase, recording);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "speech.mp3"));
        dashboardMatchesTheSummary(token, useCase);
        audit("use-case");
        String bucket = SERVER.post(
                        ApiServer.BASE + "/org-usecases/recording/transcript-analytics",
                        token,
                        TestServer.JSON.createObjectNode().put("recording_uuid", recording))
                .json()
                .path("analytics")
                .path("bucket")
                .path("name")
                .asText();
        filterBy("field-bucket", bucket.equals("Hot lead") ? "Not interested" : "Hot lead");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "No recordings match."));
        filterBy("field-bucket", bucket);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "speech.mp3"));
        filterBy("field-bucket", "");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "speech.mp3"));
        browser.findElement(By.cssSelector("th[data-sort=file_name] button")).click();
        wait.until(
                ExpectedConditions.attributeToBe(By.cssSelector("th[data-sort=file_name]"), "aria-sort", "ascending"));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("speech.mp3")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.word")));
        List<WebElement> words = browser.findElements(By.cssSelector("button.word"));
        assertTrue(words.size() >= 3, "the transcript's words: " + words.size());
        assertTrue(browser.findElements(By.cssSelector(".timeline .turn")).size() >= 1, "the speaker timeline");
        for (WebElement who : browser.findElements(By.cssSelector(".transcript .who"))) {
            assertTrue(
                    who.getText().matches(".*, (positive|neutral|negative)"),
                    "each utterance's sentiment: " + who.getText());
        }
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Is the lead interested"), "the answers");
        assertEquals(
                3,
                browser.findElements(By.cssSelector(".downloads a[download]")).size(),
                "SRT, VTT, text");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait.until(driver ->
                ((Number) js.executeScript("return document.querySelector('audio').readyState")).intValue() >= 1);
        WebElement last = words.get(words.size() - 1);
        double lastStart = Double.parseDouble(last.getDomAttribute("data-start"));
        last.click();
        wait.until(driver -> Math.abs(currentTime(js) - lastStart) < 0.05);
        js.executeScript("const a = document.querySelector('audio'); a.currentTime = 0; a.play();");
        wait.until(driver -> !currentWord(js).isEmpty());
        String first = currentWord(js);
        wait.until(driver -> !currentWord(js).isEmpty() && !currentWord(js).equals(first));
        js.executeScript("document.querySelector('audio').pause()");
        WebElement evidence = browser.findElement(By.cssSelector(".evidence button"));
        double evidenceStart = Double.parseDouble(evidence.getDomAttribute("data-start"));
        evidence.click();
        wait.until(driver -> Math.abs(currentTime(js) - evidenceStart) < 0.05);
        List<WebElement> trend = browser.findElements(By.cssSelector(".trend button"));
        assertFalse(trend.isEmpty(), "each speaker's sentiment trend");
        WebElement stretch = trend.get(trend.size() - 1);
        double stretchStart = Double.parseDouble(stretch.getDomAttribute("data-start"));
        stretch.click();
        wait.until(driver -> Math.abs(currentTime(js) - stretchStart) < 0.05);
        assertTrue(
                browser.findElement(By.cssSelector(".sentiment p"))
                        .getText()
                        .matches(".*starts [+-]?\\d\\.\\d\\d, ends .*"),
                browser.findElement(By.cssSelector(".sentiment p")).getText());
        audit("recording");

        // A supervisor corrects the bucket: the API keeps it, and the page says so.
        WebElement bucketForm = browser.findElement(By.cssSelector("form.correct"));
        new org.openqa.selenium.support.ui.Select(bucketForm.findElement(By.tagName("select")))
                .selectByValue("Not interested");
        bucketForm.findElement(By.tagName("button")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Corrected to Not interested"));
        TestServer.Reply corrected = SERVER.post(
                ApiServer.BASE + "/org-usecases/recording/corrections",
                token,
                TestServer.JSON.createObjectNode().put("recording_uuid", recording));
        assertEquals("Not interested", corrected.json().path("bucket").asText(), corrected.body());

        // Search for a word of the transcript: the hit is marked, and opens the recording at its time.
        String word = words.stream()
                .map(WebElement::getText)
                .max(java.util.Comparator.comparingInt(String::length))
                .orElseThrow(); // the longest: never a stop word
        browser.findElement(By.linkText("Search")).click();
        WebElement q = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-q")));
        q.sendKeys(word);
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        WebElement mark;
        try {
            mark = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hits mark")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "searching '" + word + "': "
                            + browser.findElement(By.tagName("main")).getText(),
                    e);
        }
        assertEquals(word, mark.getText().toLowerCase(java.util.Locale.ROOT));
        browser.findElement(By.cssSelector(".hits a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.word")));
        double at = Double.parseDouble(browser.getCurrentUrl().replaceAll(".*/at/", ""));
        wait.until(driver -> Math.abs(currentTime(js) - at) < 0.05);
        browser.findElement(By.linkText("Search")).click();
        browser.findElement(By.id("field-q")).sendKeys(word);
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hits mark")));
        audit("search");

        // Every recording of the org, whatever its use case, by use-case tag.
        browser.findElement(By.linkText("Recordings")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "Loan sales"));
        audit("recordings");
        browser.findElement(By.linkText("speech.mp3")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.word")));

        // Two files dropped at once (chosen through the file input): each goes through the presigned flow.
        browser.findElement(By.linkText("← Back to the use case")).click();
        WebElement files = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[type=file]")));
        files.sendKeys(
                MP3.toAbsolutePath().normalize() + "\n" + WAV.toAbsolutePath().normalize());
        wait.until(driver -> driver.findElements(By.cssSelector(".uploads .status")).stream()
                        .filter(status -> status.getText().equals("uploaded, queued"))
                        .count()
                == 2);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "speech-16k.wav"));

        // A failed recording shows its reason, and Retry puts it back in the queue.
        String wav = null;
        for (JsonNode listed : SERVER.post(
                        ApiServer.BASE + "/org-usecases/recordings",
                        token,
                        TestServer.JSON
                                .createObjectNode()
                                .put("usecase_uuid", useCase)
                                .put("limit", 100))
                .json()
                .path("recordings")) {
            if (listed.path("file_name").asText().equals("speech-16k.wav")) {
                wav = listed.path("recording_uuid").asText();
            }
        }
        awaitSettled(token, wav);
        try (Database db = Database.open(new DataDirectory(SERVER.data).database())) {
            new JdbcRecordingStore(db, java.time.Clock.systemUTC())
                    .transition(wav, RecordingState.FAILED, "failed after 3 attempts: disk hiccup");
        }
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("field-state"))).selectByValue("FAILED");
        browser.findElement(By.cssSelector("form.recording-filters button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "disk hiccup"));
        browser.findElement(By.cssSelector("button.retry")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "No recordings match."));

        // At phone width nothing runs off the side.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 800));
        assertEquals(
                List.of(),
                js.executeScript(
                        "return [...document.querySelectorAll('body *')]"
                                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)"
                                + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"),
                "no horizontal scrolling at 375 px: these run off the side");
        assertTrue(
                (Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
                "no horizontal scrolling at 375 px");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Edit")));
        browser.findElement(By.linkText("Edit")).click();
        WebElement rename = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-usecase-name")));
        assertEquals("Loan sales", rename.getDomProperty("value"));
        rename.clear();
        rename.sendKeys("Loan sales (UK)");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Loan sales (UK)"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("1 question(s), 2 bucket(s)"));
        // After its settings changed, the use case's finished recordings are processed again under them.
        browser.findElement(By.cssSelector("button.reprocess")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textMatches(
                By.cssSelector("p.status"), Pattern.compile("[1-9]\\d* recording\\(s\\) queued.*")));

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-credential")));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-credential")));
    }

    /** Chooses a value of a recording filter's select and applies the filters. */
    private static void filterBy(String id, String value) {
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id(id))).selectByValue(value);
        browser.findElement(By.cssSelector("form.recording-filters button[type=submit]"))
                .click();
    }

    /**
     * The dashboard says what the summary API says: calls, analysed calls and each bucket's count, over all dates and
     * over a range that holds none of the calls.
     */
    private static void dashboardMatchesTheSummary(String token, String useCase) {
        JsonNode summary = SERVER.post(
                        ApiServer.BASE + "/org-usecases/analytics/summary-details",
                        token,
                        TestServer.JSON.createObjectNode().put("usecase_uuid", useCase))
                .json();
        WebElement dashboard = browser.findElement(By.cssSelector("section.dashboard"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        List<?> tiles = (List<?>) js.executeScript("return [...document.querySelectorAll('section.dashboard .tile')]"
                + ".map(t => t.querySelector('span').textContent + ': ' + t.querySelector('strong').textContent)");
        int calls = summary.path("total_calls").asInt();
        assertTrue(tiles.contains("in all: " + calls + " call" + (calls == 1 ? "" : "s")), tiles.toString());
        assertTrue(tiles.contains("analysed: " + summary.path("analysed_calls").asInt()), tiles.toString());
        List<?> bars = (List<?>) js.executeScript("return [...document.querySelectorAll('section.dashboard .bars li')]"
                + ".map(b => b.querySelector('.label').textContent + ': ' + b.querySelector('.count').textContent)");
        long analysed = summary.path("analysed_calls").asLong();
        for (JsonNode bucket : summary.path("bucket_breakdown")) {
            long count = bucket.path("count").asLong();
            String bar = bucket.path("bucket").asText() + ": " + count + " ("
                    + Math.round(100.0 * count / Math.max(1, analysed)) + "%)";
            assertTrue(bars.contains(bar), bar + " in " + bars);
        }
        browser.findElement(By.id("field-dashboard-start-date")).sendKeys("01012000");
        browser.findElement(By.id("field-dashboard-end-date")).sendKeys("01022000");
        dashboard.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.dashboard"), "0 calls"));
        browser.findElement(By.id("field-dashboard-start-date")).clear();
        browser.findElement(By.id("field-dashboard-end-date")).clear();
        dashboard.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("section.dashboard"), calls + " call"));
    }

    /**
     * Saves a screenshot of the page (target/screenshots, shown in the README) and runs axe-core on it: no serious or
     * critical violation of WCAG 2.1 A and AA.
     */
    private static void audit(String page) throws Exception {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        java.nio.file.Path shots = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(shots);
        java.nio.file.Files.write(
                shots.resolve(page + ".png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!(Boolean) js.executeScript("return typeof axe !== 'undefined'")) {
            try (var in = WebAppTest.class.getResourceAsStream("/axe.min.js")) {
                js.executeScript(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Object violations = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        assertEquals(List.of(), violations, "accessibility of the " + page + " page");
    }

    /** The highlighted word and its index, or "" when none is. */
    private static String currentWord(JavascriptExecutor js) {
        Object index = js.executeScript(
                "return [...document.querySelectorAll('button.word')].findIndex(b => b.hasAttribute('aria-current'))");
        return ((Number) index).intValue() < 0
                ? ""
                : js.executeScript("return document.querySelector('button.word[aria-current]').textContent") + ""
                        + index;
    }

    private static double currentTime(JavascriptExecutor js) {
        return ((Number) js.executeScript("return document.querySelector('audio').currentTime")).doubleValue();
    }

    /** Waits until the recording has left the queue (analysed or failed), so that nothing races the test. */
    private static void awaitSettled(String token, String recording) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(180);
        while (java.time.Instant.now().isBefore(deadline)) {
            String state = SERVER.post(
                            ApiServer.BASE + "/org-usecases/get-recording-details",
                            token,
                            TestServer.JSON.createObjectNode().put("recording_uuid", recording))
                    .json()
                    .path("state")
                    .asText();
            if (state.equals("ANALYSIS_COMPLETED") || state.equals("FAILED")) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("still processing after 3 minutes: " + recording);
    }

    private static void awaitAnalysed(String token, String useCase, String recording) throws Exception {
        String org = TestServer.orgOf(token);
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(180);
        while (java.time.Instant.now().isBefore(deadline)) {
            TestServer.Reply details = SERVER.post(
                    ApiServer.BASE + "/org-usecases/get-recording-details",
                    token,
                    TestServer.JSON.createObjectNode().put("org_uuid", org).put("recording_uuid", recording));
            String state = details.json().path("state").asText();
            if (state.equals("ANALYSIS_COMPLETED")) {
                return;
            }
            assertTrue(!state.equals("FAILED"), details.body());
            Thread.sleep(500);
        }
        throw new AssertionError("not analysed within 3 minutes: " + recording);
    }

    @Test
    void aWriteBySessionCookieNeedsTheCsrfToken() throws Exception {
        TestServer.Reply signedIn = SERVER.send(HttpRequest.newBuilder(URI.create(SERVER.base + "/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"credential\": \"" + SERVER.newOrgToken() + "\"}"))
                .build());
        assertEquals(200, signedIn.status(), signedIn.body());
        String setCookie = signedIn.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String org = signedIn.json().path("org_uuid").asText();
        String useCase = "{\"org_uuid\": \"" + org + "\", \"usecase_name\": \"By cookie\"}";

        TestServer.Reply forged =
                SERVER.send(HttpRequest.newBuilder(URI.create(SERVER.base + ApiServer.BASE + "/usecase"))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(useCase))
                        .build());
        assertEquals(403, forged.status(), forged.body());

        TestServer.Reply allowed = SERVER.send(HttpRequest.newBuilder(
                        URI.create(SERVER.base + ApiServer.BASE + "/usecase"))
                .header("Cookie", cookie)
                .header("X-CSRF-Token", signedIn.json().path("csrf_token").asText())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(useCase))
                .build());
        assertEquals(201, allowed.status(), allowed.body());

        TestServer.Reply read =
                SERVER.send(HttpRequest.newBuilder(URI.create(SERVER.base + ApiServer.BASE + "/org-usecases/" + org))
                        .header("Cookie", cookie)
                        .GET()
                        .build());
        assertEquals(200, read.status(), "reads need no token: " + read.body());
    }

    @Test
    void thePageAndItsAssetsComeFromTheJarWithCacheHeaders() {
        TestServer.Reply page = SERVER.send(
                HttpRequest.newBuilder(URI.create(SERVER.base + "/")).GET().build());
        assertEquals(200, page.status());
        assertEquals(
                "no-cache", page.raw().headers().firstValue("Cache-Control").orElseThrow());
        TestServer.Reply script = SERVER.send(HttpRequest.newBuilder(URI.create(SERVER.base + "/assets/app.js"))
                .GET()
                .build());
        assertEquals(200, script.status());
        assertTrue(
                script.raw().headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertEquals(
                "max-age=3600",
                script.raw().headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(
                404,
                SERVER.send(HttpRequest.newBuilder(URI.create(SERVER.base + "/assets/..%2Fopenapi.json"))
                                .GET()
                                .build())
                        .status());
    }
}
