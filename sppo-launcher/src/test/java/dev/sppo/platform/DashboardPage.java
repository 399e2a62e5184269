package dev.sppo.platform;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The dashboard as a user meets it in the browser: what the tests type, click and wait for. */
final class DashboardPage {

    private static final Duration STEP = Duration.ofSeconds(20);

    private final ChromeDriver browser;
    private final String base;

    DashboardPage(ChromeDriver browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    /** Loads the page at {@code hash} (e.g. {@code #/jobs/ID}, or empty for the jobs list). */
    void open(String hash) {
        browser.get(base + "/" + hash);
    }

    /** Loads the jobs list, entering {@code key} if the page asks for one. */
    void openWithKey(String key) {
        open("");
        new WebDriverWait(browser, STEP)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#key-form, #jobs")));
        if (!browser.findElements(By.id("key-form")).isEmpty()) {
            enterKey(key);
        }
        element("#jobs");
    }

    void forgetKey() {
        browser.executeScript("sessionStorage.clear()");
    }

    WebElement keyForm() {
        return element("#key-form");
    }

    String offeredKey() {
        return element("#api-key").getDomProperty("value");
    }

    void enterKey(String key) {
        WebElement field = element("#api-key");
        field.clear();
        field.sendKeys(key);
        keyForm().submit();
    }

    /**
     * Fills the job form from a config tree: every leaf with a field of its dotted path goes in that field, the
     * rest into the JSON box; then submits it.
     */
    void submitJob(JsonObject config) {
        JsonObject extra = new JsonObject();
        fill("", config, extra);
        if (extra.size() > 0) {
            element("#f-extra").sendKeys(extra.toString());
        }
        element("#job-form button[type=submit]").click();
    }

    private void fill(String prefix, JsonObject tree, JsonObject extra) {
        for (Map.Entry<String, JsonElement> entry : tree.entrySet()) {
            String path = prefix + entry.getKey();
            List<WebElement> fields = browser.findElements(By.name(path));
            if (entry.getValue().isJsonObject()) {
                JsonObject nested = new JsonObject();
                fill(path + ".", entry.getValue().getAsJsonObject(), nested);
                if (nested.size() > 0) {
                    extra.add(entry.getKey(), nested);
                }
            } else if (fields.isEmpty()) {
                extra.add(entry.getKey(), entry.getValue());
            } else if (fields.get(0).getTagName().equals("select")) {
                new Select(fields.get(0)).selectByValue(entry.getValue().getAsString());
            } else {
                fields.get(0).sendKeys(entry.getValue().getAsString());
            }
        }
    }

    /** Picks the uploaded dataset {@code datasetId} in the job form's prompts picker, once the picker lists it. */
    void choosePrompts(String datasetId) {
        select("#f-prompts", datasetId);
    }

    /**
     * From now until the page is loaded again, keeps the body of every POST the page sends, for
     * {@link #lastPostedBody()}.
     */
    void recordPosts() {
        browser.executeScript("""
                const send = window.fetch;
                window.sppoPosted = [];
                window.fetch = (url, init) => {
                  if (init?.method === 'POST') {
                    window.sppoPosted.push(init.body);
                  }
                  return send(url, init);
                };""");
    }

    /** The JSON body of the last POST since {@link #recordPosts()}, once there is one. */
    JsonObject lastPostedBody() {
        new WebDriverWait(browser, STEP).until(driver -> ((Number) browser.executeScript(
                "return window.sppoPosted.length")).intValue() > 0);
        return JsonParser.parseString((String) browser.executeScript("return window.sppoPosted.at(-1)"))
                .getAsJsonObject();
    }

    /** The error text next to the field of {@code path} ({@code extra}: the JSON box), once there is one. */
    String fieldError(String path) {
        By slot = By.cssSelector("[data-error-for='" + path + "']");
        new WebDriverWait(browser, STEP).until(driver -> !driver.findElement(slot).getText().isBlank());
        return browser.findElement(slot).getText();
    }

    /** Waits for a job's page and returns the job id from the address. */
    String awaitJobPage() {
        new WebDriverWait(browser, STEP).until(ExpectedConditions.urlContains("#/jobs/"));
        element("#job");
        return browser.getCurrentUrl().replaceFirst(".*#/jobs/", "");
    }

    void awaitJobState(String state, Duration timeout) {
        new WebDriverWait(browser, timeout).until(ExpectedConditions.textToBe(By.cssSelector("#job .badge"), state));
    }

    /** Waits until the chart {@code id} plots at least {@code points} iterations. */
    void awaitChartPoints(String id, int points, Duration timeout) {
        By chart = By.cssSelector("[data-chart='" + id + "']");
        new WebDriverWait(browser, timeout).until(driver ->
                Integer.parseInt(driver.findElement(chart).getDomAttribute("data-points")) >= points);
    }

    List<String> chartIds() {
        return browser.findElements(By.cssSelector("[data-chart]")).stream()
                .filter(chart -> !chart.findElements(By.tagName("canvas")).isEmpty())
                .map(chart -> chart.getDomAttribute("data-chart")).toList();
    }

    List<String> checkpointIds() {
        return browser.findElements(By.cssSelector("#checkpoints tr[data-checkpoint]")).stream()
                .map(row -> row.getDomAttribute("data-checkpoint")).toList();
    }

    String shownKind(String checkpointId) {
        return element("tr[data-checkpoint='" + checkpointId + "'] .kind").getText();
    }

    String shownSha256(String checkpointId) {
        return element("tr[data-checkpoint='" + checkpointId + "'] .sha").getText();
    }

    void download(String checkpointId) {
        element("button[data-download='" + checkpointId + "']").click();
    }

    void cancel(String jobId) {
        element("button[data-cancel='" + jobId + "']").click();
    }

    /** Chooses the option of value {@code value} in the select that {@code css} selects, once it has one. */
    void select(String css, String value) {
        By option = By.cssSelector(css + " option[value='" + value + "']");
        new WebDriverWait(browser, STEP).until(ExpectedConditions.presenceOfElementLocated(option));
        new Select(element(css)).selectByValue(value);
    }

    /** The labels of the options of the select that {@code css} selects. */
    List<String> options(String css) {
        return new Select(element(css)).getOptions().stream().map(WebElement::getText).toList();
    }

    /** Whether the element that {@code css} selects is on the page and shown. */
    boolean shown(String css) {
        return browser.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    /** The cell texts of each row of the table body that {@code css} selects, once it has a row. */
    List<List<String>> tableRows(String css) {
        element(css + " tbody tr");
        return browser.findElements(By.cssSelector(css + " tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    /** Clicks the element that {@code css} selects, once it is visible. */
    void click(String css) {
        element(css).click();
    }

    /** Waits until the element that {@code css} selects shows {@code text} somewhere in its text. */
    void awaitText(String css, String text, Duration timeout) {
        new WebDriverWait(browser, timeout).until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    String text(String css) {
        return element(css).getText();
    }

    /** The status badge of each service in the header, by service name. */
    Map<String, String> health() {
        return Map.copyOf(browser.findElements(By.cssSelector("#health li")).stream().collect(
                Collectors.toMap(item -> item.getDomAttribute("data-service"),
                        item -> item.findElement(By.className("badge")).getText())));
    }

    /** The text of the services panel's row for {@code service}. */
    String servicesRow(String service) {
        return element("#services tr[data-service='" + service + "']").getText();
    }

    String notice() {
        return browser.findElement(By.id("notice")).getText();
    }

    /** Saves the whole page (the window grown to the document's height) as a PNG. */
    void screenshot(Path file) throws IOException {
        JavascriptExecutor script = browser;
        long page = ((Number) script.executeScript("return document.documentElement.scrollHeight")).longValue();
        long frame = ((Number) script.executeScript("return window.outerHeight - window.innerHeight")).longValue();
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) (page + frame)));
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        browser.manage().window().setSize(before);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
    }

    private WebElement element(String css) {
        return new WebDriverWait(browser, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

}
