package io.leadgate.console.pages;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A headless Chromium driven by the system chromedriver (as the snippet browser test), with screenshots. */
public final class Browser implements AutoCloseable {

    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final List<File> BROWSERS = List.of(new File("/usr/lib/chromium/chromium"), new File("/usr/bin/chromium"));
    /**
     * Where screenshots go: {@code target/screenshots}, or {@code LEADGATE_SCREENSHOTS=docs/screenshots} (environment)
     * to refresh the README's. The system property {@code leadgate.screenshots} also works for plain JUnit runs, but a
     * Quarkus test refuses to start with it: it is an unknown key under the {@code leadgate} configuration root.
     */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("leadgate.screenshots",
            System.getenv().getOrDefault("LEADGATE_SCREENSHOTS", "target/screenshots")));

    private final Path profile;
    private final WebDriver driver;
    private final String base;

    public Browser(String base, String language) throws IOException {
        if (!DRIVER.canExecute()) {
            throw new AssertionError("/usr/bin/chromedriver is missing: apt-get install -y chromium chromium-driver");
        }
        File binary = BROWSERS.stream().filter(File::canExecute).findFirst()
                .orElseThrow(() -> new AssertionError("Chromium is missing: apt-get install -y chromium chromium-driver"));
        this.base = base;
        profile = Files.createTempDirectory("leadgate-console-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=" + language, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    public String url(String path) {
        return base + path;
    }

    public void open(String path) {
        driver.get(url(path));
    }

    /**
     * A wait that also rides over stale elements: htmx swaps replace a row (or the board's columns) between finding
     * an element and reading it, so a condition is simply tried again on the new one.
     */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Saves the page at 1280 px and at 390 px wide as {@code <name>-<width>.png} in {@link #SCREENSHOTS}. */
    public void screenshots(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Dimension before = driver.manage().window().getSize();
        for (int width : new int[]{1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            js("return document.body.offsetHeight"); // let the layout settle
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        driver.manage().window().setSize(before);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
