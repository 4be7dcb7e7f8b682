package dev.jobcode.testing;

import java.io.OutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by
 * Selenium. Both binaries are named, so Selenium never tries to download a browser or a driver
 * (there is no internet); {@code tools/test} installs the packages when they are missing. Chromium's
 * own calls home are switched off: this machine's network would refuse them.
 */
public final class Browser {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  public static WebDriver start(Path profile) {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(binary + " is missing: install Debian's chromium and chromium-driver "
            + "(tools/test does: apt-get install -y chromium chromium-driver)");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-default-apps", "--disable-extensions", "--window-size=1200,900",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return driver;
  }

  /** The console's errors since the last call (each call drains the log). */
  public static List<String> consoleErrors(WebDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }

  /** Saves a screenshot and the page's HTML under {@code target/browser/} when a test fails. */
  public static TestWatcher evidenceOnFailure(java.util.function.Supplier<WebDriver> driver) {
    return new TestWatcher() {
      @Override
      public void testFailed(ExtensionContext context, Throwable cause) {
        WebDriver d = driver.get();
        if (d == null) {
          return;
        }
        try {
          Path dir = Path.of("target/browser");
          Files.createDirectories(dir);
          String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
          Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
          Files.writeString(dir.resolve(name + ".html"), d.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
          cause.addSuppressed(e);
        }
      }
    };
  }
}
