package dev.tracex.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code tracex playground} (the built jar, in its own JVM) driven through its page in headless Chromium,
 * as a user would: type a rule, paste an event, see the context; break the rule, see the error at its line; pick a
 * sample; save; click a value in the event and use its path in the rule; ask for suggested rules and insert one. And, with a plain HTTP client, what another site's requests get. Screenshots go to
 * {@code target/playground-screenshots/}.
 */
class PlaygroundIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of("target", "playground-screenshots");
    private static final String RULES = """
            extractors:
              orders:
                description: the _datadog object the order service puts in the payload
                headers: $._datadog
                examples:
                  - event: {"_datadog": {"x-datadog-trace-id": "1", "x-datadog-parent-id": "2"}}
                    expect: {trace_id: "1", parent_id: "2"}
            """;

    @TempDir
    static Path dir;
    static Process playground;
    static Path stdout;
    static Path stderr;
    static String url;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumeInstalled();
        Files.writeString(dir.resolve("extractors.yaml"), RULES);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(TracexJar.DOCUMENTED_JVM_OPTIONS);
        cmd.addAll(List.of("-jar", TracexJar.built().toString(), "playground", "--extractor", "extractors.orders", "--path", dir.toString()));
        stdout = dir.resolve("stdout.txt");
        stderr = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("AWS_") || k.startsWith("LAMBDA_"));
        playground = pb.start();
        url = firstLine(stdout);
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/");

        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1500,900",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(Chromium.DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (playground != null) {
            playground.destroy();
            playground.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void openThePage() {
        browser.get(url);
        until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    @Test
    void typeRuleAndPasteEvent_showsTheContextTraceAndExamples() throws IOException {
        // The file as it is on disk, and its example run.
        until(d -> text("examples").contains("PASS"));
        assertThat(text("examples-summary")).isEqualTo("(1 passed, 0 failed)");

        type("rules", """
                extractors:
                  orders:
                    description: the order service puts its headers under detail
                    headers: $.detail._datadog
                    examples:
                      - event: {"detail": {"_datadog": {"x-datadog-trace-id": "1", "x-datadog-parent-id": "2"}}}
                        expect: {trace_id: "1", parent_id: "2"}
                      - name: a wrong expectation
                        event: {"detail": {}}
                        expect: {trace_id: "1"}
                """);
        type("event", """
                {
                  "orderId": "o-1234",
                  "detail": {
                    "_datadog": {
                      "x-datadog-trace-id": "3141592653589793238",
                      "x-datadog-parent-id": "2718281828459045235",
                      "x-datadog-sampling-priority": "1"
                    }
                  }
                }""");

        until(d -> text("result").contains("\"trace_id\" : \"3141592653589793238\"") && text("examples-summary").equals("(1 passed, 1 failed)"));
        assertThat(text("result")).contains("\"rule\" : \"orders\"", "\"parent_id\" : \"2718281828459045235\"", "\"sampling_priority\" : 1");
        assertThat(text("explain")).contains("rule \"orders\": Headers($.detail._datadog)",
                "answer: rule \"orders\" found trace_id 3141592653589793238, parent_id 2718281828459045235 (datadog)");
        assertThat(text("errors")).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#examples li"))).extracting(WebElement::getText).satisfiesExactly(
                pass -> assertThat(pass).isEqualTo("PASS " + dir.resolve("extractors.yaml") + ":6:9: rule \"orders\" example 1"),
                fail -> assertThat(fail).startsWith("FAIL " + dir.resolve("extractors.yaml") + ":8:9: rule \"orders\" example 2 (a wrong expectation): "));
        screenshot("context");
    }

    @Test
    void openAnEventFile_runsTheRuleOnIt() throws IOException {
        Path event = Files.writeString(dir.resolve("order_event.json"),
                "{\"_datadog\": {\"x-datadog-trace-id\": \"1618033988749894848\", \"x-datadog-parent-id\": \"1414213562373095048\"}}");
        browser.findElement(By.id("event-file")).sendKeys(event.toString());

        until(d -> value("event").contains("1618033988749894848") && text("result").contains("\"trace_id\" : \"1618033988749894848\""));
        assertThat(text("result")).contains("\"rule\" : \"orders\"", "\"parent_id\" : \"1414213562373095048\"");
    }

    @Test
    void breakTheRule_showsTheErrorAtItsLineAndColumn() throws IOException {
        type("rules", """
                extractors:
                  orders:
                    headers: $._datadog | b64
                """);

        until(d -> !text("errors").isEmpty());
        assertThat(text("errors")).startsWith(dir.resolve("extractors.yaml") + ":3:27: rule \"orders\": unknown step \"b64\" (known: json, base64");
        assertThat(browser.findElements(By.cssSelector("#rules-gutter span.error"))).extracting(WebElement::getText).containsExactly("3");
        assertThat(text("rule-error")).isEqualTo("rule \"orders\": the rules file does not compile (see its errors)");
        screenshot("error");
    }

    @Test
    void pickASampleAndABuiltin_showsTheBuiltinsContext() throws IOException {
        new Select(browser.findElement(By.id("sample"))).selectByVisibleText("sqs_event.json");
        until(d -> value("event").contains("\"eventSource\": \"aws:sqs\""));
        until(d -> new Select(d.findElement(By.id("rule"))).getOptions().stream().anyMatch(o -> o.getText().equals("builtin.sqs")));
        new Select(browser.findElement(By.id("rule"))).selectByVisibleText("builtin.sqs");

        until(d -> text("explain").startsWith("rule \"builtin.sqs\": ") && text("explain").contains("answer: "));
        // The context names the record rule that read it; the batch's records are its links.
        assertThat(text("result")).contains("\"rule\" : \"builtin.sqs_string_headers_record\"", "\"trace_id\" : \"2684756524522091840\"",
                "\"parent_id\" : \"7431398482019833808\"", "\"links\" : [");
        assertThat(text("explain")).contains("answer: rule \"builtin.sqs_string_headers_record\" found trace_id 2684756524522091840");
        screenshot("sample");
    }

    @Test
    void save_writesTheEditorsTextToTheFile() throws IOException {
        String edited = RULES.replace("the order service", "the orders service, edited in the playground");
        type("rules", edited);
        browser.findElement(By.id("save")).click();

        until(d -> text("save-status").startsWith("saved "));
        assertThat(text("save-status")).isEqualTo("saved " + dir.resolve("extractors.yaml"));
        assertThat(dir.resolve("extractors.yaml")).hasContent(edited);
        assertThat(value("rules")).isEqualTo(edited);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        // Tab indents with two spaces (YAML); Ctrl+S saves as the button does.
        browser.findElement(By.id("rules")).sendKeys("# indented:", Keys.TAB, "x");
        until(d -> value("rules").equals(edited + "# indented:  x"));
        browser.findElement(By.id("rules")).sendKeys(Keys.chord(Keys.CONTROL, "s"));
        until(d -> {
            try {
                return Files.readString(dir.resolve("extractors.yaml")).equals(edited + "# indented:  x");
            } catch (IOException e) {
                return false;
            }
        });
        until(d -> text("save-status").equals("saved " + dir.resolve("extractors.yaml")));
    }

    @Test
    void suggest_listsRulesForTheEvent_andInsertingOneRunsIt() throws IOException {
        // A traceparent in base64 JSON, in a field of the producer's choosing: no built-in rule reads it.
        String carrier = Base64.getEncoder().encodeToString(
                "{\"traceparent\": \"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"}".getBytes(StandardCharsets.UTF_8));
        type("event", "{\"order\": {\"id\": 7, \"trace\": \"" + carrier + "\"}}");
        browser.findElement(By.id("suggest")).click();

        until(d -> !d.findElements(By.cssSelector("#suggestions li")).isEmpty());
        assertThat(text("suggest-status")).isEqualTo("(1, best first)");
        assertThat(text("suggest-builtin")).isEqualTo("no built-in rule finds a context in this event");
        WebElement proposal = browser.findElement(By.cssSelector("#suggestions li"));
        assertThat(proposal.findElement(By.className("title")).getText()).isEqualTo("tracecontext context from propagation headers, "
                + "decoded with base64, then json: trace_id 11803532876627986230, parent_id 67667974448284343");
        assertThat(proposal.findElement(By.tagName("pre")).getText()).contains("  order_trace:\n    headers: $.order.trace | base64 | json\n");
        proposal.findElement(By.className("insert")).click();

        // The rule goes under extractors:, after the file's own, and is the one run; its example passes.
        until(d -> value("rules").contains("  order_trace:\n    headers: $.order.trace | base64 | json\n"));
        assertThat(value("rules")).startsWith(RULES.stripTrailing() + "\n  # 1. tracecontext context from");
        until(d -> text("result").contains("\"rule\" : \"order_trace\"") && text("examples-summary").equals("(2 passed, 0 failed)"));
        assertThat(text("result")).contains("\"trace_id_128\" : \"4bf92f3577b34da6a3ce929d0e0e4736\"", "\"parent_id\" : \"67667974448284343\"");
        assertThat(new Select(browser.findElement(By.id("rule"))).getFirstSelectedOption().getText()).isEqualTo("order_trace");
        screenshot("suggest");
    }

    @Test
    void clickAValueInTheEvent_showsItsPath_andUsesItInTheRule() throws IOException {
        type("rules", """
                extractors:
                  orders:
                    headers:\s""");
        type("event", """
                {
                  "detail": {
                    "meta": {
                      "_datadog": {
                        "x-datadog-trace-id": "3141592653589793238",
                        "x-datadog-parent-id": "2718281828459045235"
                      }
                    }
                  }
                }""");

        clickAt("event", 4, 10); // the "d" of "_datadog", the key whose value is the headers
        until(d -> text("path").equals("$.detail.meta._datadog"));
        clickAt("event", 5, 40); // inside the trace id's value
        until(d -> text("path").equals("$.detail.meta._datadog['x-datadog-trace-id']"));
        clickAt("event", 4, 10);
        until(d -> text("path").equals("$.detail.meta._datadog"));
        browser.findElement(By.id("use-path")).click();

        until(d -> value("rules").endsWith("    headers: $.detail.meta._datadog"));
        until(d -> text("result").contains("\"trace_id\" : \"3141592653589793238\""));
        assertThat(text("result")).contains("\"rule\" : \"orders\"", "\"parent_id\" : \"2718281828459045235\"");
        screenshot("value-path");
    }

    @Test
    void requestFromAnotherSite_isRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(url + "api/save"))
                .header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rules\": \"pwned\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).isEqualTo("refused: requests from https://evil.example are not from this playground's page");
        assertThat(dir.resolve("extractors.yaml")).content().doesNotContain("pwned");

        int port = URI.create(url).getPort();
        // DNS rebinding: a foreign name that resolves to 127.0.0.1 reaches the port, but names itself in Host.
        assertThat(raw(port, "GET /api/state HTTP/1.1\r\nHost: evil.example:" + port + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 403 ");
        assertThat(raw(port, "POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (PlaygroundServer.MAX_BODY + 1) + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 413 ");
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = new byte[64];
            int n = in.read(head);
            return n <= 0 ? "" : new String(head, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    /** Replaces the editor's text by typing, as a user does (select all, then the new text). */
    private static void type(String id, String text) {
        WebElement box = browser.findElement(By.id(id));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        box.sendKeys(text);
        until(d -> value(id).equals(text));
    }

    /**
     * Clicks the character at {@code line} and {@code column} (from 1) of a text area, as a user points at it: where it
     * is follows from the area's padding, its monospace font's advance and its line height, measured in the page.
     */
    private static void clickAt(String id, int line, int column) {
        WebElement box = browser.findElement(By.id(id));
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const box = arguments[0], s = getComputedStyle(box);
                const c = document.createElement("canvas").getContext("2d");
                c.font = s.fontSize + " " + s.fontFamily;
                const w = c.measureText("0123456789").width / 10;
                const r = box.getBoundingClientRect();
                const x = parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft) + (arguments[2] - 0.5) * w - box.scrollLeft;
                const y = parseFloat(s.borderTopWidth) + parseFloat(s.paddingTop) + (arguments[1] - 0.5) * parseFloat(s.lineHeight) - box.scrollTop;
                return {x: Math.round(x - r.width / 2), y: Math.round(y - r.height / 2)};
                """, box, line, column);
        new Actions(browser).moveToElement(box, ((Number) at.get("x")).intValue(), ((Number) at.get("y")).intValue()).click().perform();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    private static void until(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, WAIT).until(condition::apply);
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private static String firstLine(Path file) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String s = Files.readString(file);
            int nl = s.indexOf('\n');
            if (nl > 0) {
                return s.substring(0, nl);
            }
            if (!playground.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("tracex playground printed no URL; stderr: " + Files.readString(stderr));
    }
}
