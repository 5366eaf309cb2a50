package dev.alcove.maven.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens a catalogue page in headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}) and checks it as a reader would meet it: it loads with no console errors, every
 * step is a visible node inside the page, and clicking a node brings its section into view. Without
 * Chromium it says so and checks nothing; {@code .ci/run} installs it.
 */
public final class CatalogueInBrowser {

  /** Debian's, unless {@code ALCOVE_CHROMIUM} names another (Chrome on GitHub's runners). */
  private static final Path CHROMIUM = fromEnvironment("ALCOVE_CHROMIUM", "/usr/bin/chromium");

  private static final Path CHROMEDRIVER =
      fromEnvironment("ALCOVE_CHROMEDRIVER", "/usr/bin/chromedriver");

  private static Path fromEnvironment(String variable, String debian) {
    String value = System.getenv(variable);
    return Path.of(value == null || value.isBlank() ? debian : value);
  }

  private CatalogueInBrowser() {}

  /**
   * Checks {@code page}, which must draw exactly {@code steps}, and saves a screenshot of its top
   * to {@code screenshot}.
   *
   * @return false when no Chromium is installed and nothing was checked
   */
  public static boolean check(File page, List<String> steps, File screenshot) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      System.out.println(
          "browser check skipped: no "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (apt-get install chromium chromium-driver; .ci/run does)");
      return false;
    }
    Path profile = Files.createTempDirectory("alcove-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // As root in a container, without a GPU, and without the background traffic that this
    // machine's closed network refuses.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      browser.manage().window().setSize(new Dimension(1400, 1000));
      browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      browser.get(page.toURI().toString());
      JavascriptExecutor js = browser;
      require(
          "complete".equals(js.executeScript("return document.readyState")),
          page + " did not finish loading");

      List<WebElement> nodes = browser.findElements(By.cssSelector("svg.dag g.node"));
      List<String> drawn = new ArrayList<>();
      for (WebElement node : nodes) {
        drawn.add(node.getAttribute("data-uri"));
      }
      require(
          drawn.size() == steps.size() && drawn.containsAll(steps),
          "the picture draws " + drawn + ", not " + steps);
      for (WebElement node : nodes) {
        String uri = node.getAttribute("data-uri");
        require(node.isDisplayed(), uri + ": its node is not visible");
        @SuppressWarnings("unchecked")
        Map<String, Number> box =
            (Map<String, Number>)
                js.executeScript(
                    "const r = arguments[0].getBoundingClientRect();"
                        + "const d = document.documentElement;"
                        + "return {left: r.left + scrollX, top: r.top + scrollY,"
                        + " right: r.right + scrollX, bottom: r.bottom + scrollY,"
                        + " width: d.scrollWidth, height: d.scrollHeight};",
                    node);
        require(
            box.get("left").doubleValue() >= 0
                && box.get("top").doubleValue() >= 0
                && box.get("right").doubleValue() <= box.get("width").doubleValue()
                && box.get("bottom").doubleValue() <= box.get("height").doubleValue()
                && box.get("right").doubleValue() > box.get("left").doubleValue(),
            uri + ": its node is outside the page: " + box);
      }
      js.executeScript("window.scrollTo(0, 0)");
      Files.createDirectories(screenshot.toPath().getParent());
      Files.write(screenshot.toPath(), browser.getScreenshotAs(OutputType.BYTES));

      for (String uri : steps) {
        WebElement link =
            browser
                .findElement(By.cssSelector("svg.dag g.node[data-uri='" + uri + "']"))
                .findElement(By.xpath(".."));
        String anchor = link.getDomAttribute("href").replaceAll(".*#", "");
        link.click();
        require(
            ("#" + anchor).equals(js.executeScript("return location.hash")),
            uri + ": clicking its node did not go to #" + anchor);
        Number top =
            (Number)
                js.executeScript(
                    "return document.getElementById(arguments[0]).getBoundingClientRect().top",
                    anchor);
        Number height = (Number) js.executeScript("return innerHeight");
        require(
            top.doubleValue() >= -1 && top.doubleValue() < height.doubleValue() / 2,
            uri + ": its section is not in view after the click (top at " + top + ")");
      }

      List<String> errors = new ArrayList<>();
      for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
        if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
          errors.add(entry.getMessage());
        }
      }
      require(errors.isEmpty(), "console errors on " + page + ": " + errors);
      return true;
    } finally {
      browser.quit();
    }
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new AssertionError(problem);
    }
  }
}
