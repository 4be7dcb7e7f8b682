package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.ClassifierSettings;
import dev.jobcode.corpus.Cv;
import dev.jobcode.index.HnswParams;
import dev.jobcode.index.IndexBuilder;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.index.ProgressListener;
import dev.jobcode.json.Json;
import dev.jobcode.testing.Browser;
import dev.jobcode.testing.FakeEncoder;
import dev.jobcode.testing.Fixtures;
import dev.jobcode.testing.TempDirs;
import dev.jobcode.testing.RealData;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Chromium over the real model and O*NET 30.0 index (with the suite's
 * generated CVs), and, for the injection tests, over the fixture with hostile CVs.
 */
class PageIT {
  private static final String HOSTILE_ID = "cv-hostile";
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMG = "<img src=x onerror=alert(2)>";

  private static JobcodeServer real;
  private static JobcodeServer hostile;
  private static dev.jobcode.index.CandidatePool hostilePool;
  private static JobcodeServer writable;
  private static dev.jobcode.index.CandidatePool writablePool;
  private static final String WRITE_TOKEN = "page-test-write-token-1234";
  private static WebDriver driver;
  private static Path profile;

  @RegisterExtension
  final org.junit.jupiter.api.extension.TestWatcher evidence = Browser.evidenceOnFailure(() -> driver);

  /** Console errors a test expects (an API refusal the page shows), by a part of their message. */
  private final List<String> expectedConsoleErrors = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    real = JobcodeServer.create(new ServedIndex(RealData.classifier(), RealData.pool()), ServerSettings.DEFAULT,
            line -> {})
        .start("127.0.0.1", 0);
    Path dir = TempDirs.create("jobcode-page-").resolve("pool");
    List<Cv> cvs = new ArrayList<>(Fixtures.cvs().subList(0, 20));
    cvs.add(new Cv(HOSTILE_ID, "<b>Mallory</b> " + IMG, "Registered nurse " + SCRIPT, "29-1141.00", null, "29", "senior",
        9, false, null, null, null, "Registered nurse, intensive care. " + SCRIPT + " " + IMG + " Cares for patients."));
    hostilePool = Fixtures.newPool(dir, cvs);
    hostile = JobcodeServer.create(new ServedIndex(Fixtures.classifier(), hostilePool), ServerSettings.DEFAULT, line -> {})
        .start("127.0.0.1", 0);
    writablePool = Fixtures.newPool(TempDirs.create("jobcode-page-").resolve("pool"), Fixtures.cvs().subList(0, 20));
    writable = JobcodeServer.create(new ServedIndex(Fixtures.classifier(), writablePool),
        ServerSettings.DEFAULT.withWriteToken(WRITE_TOKEN), line -> {}).start("127.0.0.1", 0);
    profile = TempDirs.create("jobcode-chromium-");
    driver = Browser.start(profile);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    real.stop();
    hostile.stop();
    hostilePool.close();
    writable.stop();
    writablePool.close();
  }

  @AfterEach
  void theConsoleHasNoErrors() {
    List<String> errors = Browser.consoleErrors(driver).stream()
        .filter(e -> expectedConsoleErrors.stream().noneMatch(e::contains)).toList();
    assertThat(errors).as("browser console errors").isEmpty();
  }

  private static String url(JobcodeServer server, String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  private static List<String> resultCodes() {
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.results > li")));
    return driver.findElements(By.cssSelector("ol.results > li")).stream().map(li -> li.getDomAttribute("data-code")).toList();
  }

  @Test
  void aTitleTypedInShowsItsOccupationsWithEvidenceAndALinkReproducesThem() {
    driver.get(url(real, "/"));
    WebElement title = waiting().until(ExpectedConditions.elementToBeClickable(By.id("title")));
    title.sendKeys("Registered Nurse - ICU", Keys.ENTER);
    List<String> typed = resultCodes();
    assertThat(typed.get(0)).startsWith("29-1141.");
    WebElement first = driver.findElement(By.cssSelector("ol.results > li"));
    assertThat(first.findElements(By.cssSelector("ul.evidence li"))).isNotEmpty();
    assertThat(first.findElement(By.cssSelector("ul.evidence li")).getText()).containsIgnoringCase("nurse");
    assertThat(driver.getCurrentUrl()).endsWith("/?title=Registered+Nurse+-+ICU");
    assertThat(driver.findElement(By.id("versions")).getText()).contains("O*NET-SOC 30.0").contains("e5-small-v2-q");

    driver.get(url(real, "/?title=" + URLEncoder.encode("Registered Nurse - ICU", StandardCharsets.UTF_8)));
    waiting().until(ExpectedConditions.attributeToBe(By.id("title"), "value", "Registered Nurse - ICU"));
    assertThat(resultCodes()).isEqualTo(typed);
  }

  @Test
  void anOccupationPageShowsItsTasksAndTitles() {
    driver.get(url(real, "/?title=Electrician"));
    resultCodes();
    driver.findElement(By.cssSelector("ol.results > li a")).click();
    waiting().until(ExpectedConditions.urlContains("/occupations/47-2111.00"));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tasks li")));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Electricians");
    assertThat(driver.findElements(By.cssSelector("#tasks li")).size()).isGreaterThan(5);
    assertThat(driver.findElement(By.id("view")).getText()).contains("Alternate titles").contains("47-2111");
  }

  @Test
  void aCandidateSearchFilteredToGroup29ShowsOnly29sAndACardOpensItsCv() {
    driver.get(url(real, "/candidates?text=" + URLEncoder.encode("ICU nurse caring for patients", StandardCharsets.UTF_8)
        + "&major_group=29"));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.card")));
    List<WebElement> cards = driver.findElements(By.cssSelector("li.card"));
    assertThat(cards).isNotEmpty();
    assertThat(cards).allSatisfy(card -> assertThat(card.getDomAttribute("data-major-group")).isEqualTo("29"));
    assertThat(driver.findElements(By.cssSelector("li.card mark"))).as("query words marked in snippets").isNotEmpty();

    driver.findElement(By.id("vote")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vote-panel .share")));
    assertThat(driver.findElement(By.id("vote-panel")).getText()).contains("Which occupation is this CV?").contains("%");

    String id = cards.get(0).getDomAttribute("data-id");
    cards.get(0).findElement(By.cssSelector("a")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cv-text")));
    assertThat(driver.getCurrentUrl()).endsWith("/candidates/" + id);
    assertThat(driver.findElement(By.id("cv-text")).getText()).isNotBlank();
  }

  @Test
  void anEmptyTitleShowsTheApisOwnMessageNextToTheField() throws Exception {
    String apiMessage = Json.MAPPER.readTree(HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url(real, "/v1/classify"))).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"\"}")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).at("/error/message").asText();
    expectedConsoleErrors.add("status of 400");
    driver.get(url(real, "/"));
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("title"))).sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("title-error"), apiMessage));
    assertThat(driver.findElement(By.id("title")).getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(driver.findElement(By.cssSelector("button[type=submit]")).isEnabled()).isTrue();
  }

  @Test
  void aBatchOfPastedTitlesGetsTheClassifyOutputColumnsAndADownload() throws IOException {
    driver.get(url(real, "/batch"));
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("titles")))
        .sendKeys("\"Graphic & Web Designer\" Executive\n12\" Saw Operator\nData Scientist");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table tbody tr")));
    List<String> header = driver.findElements(By.cssSelector("table thead th")).stream().map(WebElement::getText).toList();
    assertThat(header).startsWith("title", "onet_code", "onet_title", "score");
    List<WebElement> rows = driver.findElements(By.cssSelector("table tbody tr"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).getText()).startsWith("\"Graphic & Web Designer\" Executive");
    assertThat(rows.get(2).getText()).contains("15-2051.00");
    assertThat(driver.findElement(By.linkText("Download CSV")).getDomAttribute("href")).startsWith("blob:");

    // An Excel "CSV UTF-8" file chosen instead: byte-order mark, CRLF, a quoted comma; its columns are kept.
    Path csv = profile.resolve("titles.csv");
    Files.write(csv, ("\uFEFFid,title\r\n7,\"Nurse, ICU\"\r\n8,Electrician\r\n").getBytes(StandardCharsets.UTF_8));
    driver.findElement(By.cssSelector("input[type=file]")).sendKeys(csv.toString());
    assertThat(driver.findElement(By.cssSelector(".drop")).getText()).contains("File: titles.csv");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table tbody"), "47-2111.00"));
    assertThat(driver.findElements(By.cssSelector("table thead th")).stream().map(WebElement::getText).toList())
        .startsWith("id", "title", "onet_code");
    assertThat(driver.findElements(By.cssSelector("table tbody tr"))).hasSize(2);
    assertThat(driver.findElement(By.cssSelector("table tbody tr")).getText()).startsWith("7 Nurse, ICU 29-1141");
  }

  @Test
  void aCvsMarkupIsShownAsTextAndNeverRuns() {
    driver.get(url(hostile, "/candidates/" + HOSTILE_ID));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cv-text")));
    assertThat(driver.findElement(By.id("cv-text")).getText()).contains(SCRIPT).contains(IMG);
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("<b>Mallory</b> " + IMG);
    assertNoInjection();

    driver.get(url(hostile, "/candidates?text=" + URLEncoder.encode("registered nurse intensive care", StandardCharsets.UTF_8)));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.card")));
    assertThat(driver.findElement(By.id("view")).getText()).contains("Registered nurse " + SCRIPT);
    assertNoInjection();
  }

  private static void assertNoInjection() {
    try {
      driver.switchTo().alert();
      throw new AssertionError("an alert ran");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
    Object injected = ((JavascriptExecutor) driver).executeScript(
        "return document.querySelectorAll('#view script, #view img, #view b').length");
    assertThat(((Number) injected).intValue()).as("elements injected from CV text").isZero();
  }

  @Test
  void aPoolStillBeingFilledShowsHowFarItHasGotAndItsCountOnceComplete() {
    PoolFill fill = PoolFill.starting("encoding the default CVs");
    fill.progress(3200, 10_000);
    JobcodeServer filling = JobcodeServer.create(new ServedIndex(Fixtures.classifier(), Fixtures.pool(), fill),
        ServerSettings.DEFAULT, line -> {}).start("127.0.0.1", 0);
    try {
      driver.get(url(filling, "/"));
      waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("versions"),
          "CV pool being built (encoding the default CVs: 3,200 of 10,000)"));
      fill.finish();
      waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("versions"),
          String.format(java.util.Locale.ROOT, "%,d CVs", Fixtures.pool().size())));
    } finally {
      filling.stop();
    }
  }

  @Test
  void theViewsFitANarrowWindowAndKeepTheirVersionLine() {
    try {
      driver.manage().window().setSize(new Dimension(400, 800));
      for (String path : List.of("/?title=Registered+Nurse", "/batch", "/occupations/29-1141.00", "/candidates")) {
        driver.get(url(real, path));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("versions"), "30.0"));
        Object overflow = ((JavascriptExecutor) driver).executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + path).isLessThanOrEqualTo(0);
      }
    } finally {
      driver.manage().window().setSize(new Dimension(1200, 900));
    }
  }

  @Test
  void cvFilesDroppedInAreAddedAndACvIsErasedWithTheTokenKeptInThisTabOnly() throws Exception {
    Path dir = TempDirs.create("jobcode-page-cvs-");
    Path txt = Files.writeString(dir.resolve("jane-roe.txt"), "Registered nurse\nICU nurse: monitor patient vital "
        + "signs and record patient care. 6 years of experience.");
    Path html = Files.writeString(dir.resolve("sam-welder.html"), "<html><body><h1>Welder</h1><p>Weld metal parts, "
        + "read blueprints, operate welding equipment.</p></body></html>");
    Path scan = Files.write(dir.resolve("scan.pdf"), new byte[0]);
    int before = writablePool.size();
    driver.get(url(writable, "/candidates"));
    WebElement panel = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("add-cvs")));
    panel.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-error"), "write token"));
    expectedConsoleErrors.add("401");
    panel.findElement(By.id("token")).sendKeys("a-wrong-token-of-some-length");
    panel.findElement(By.cssSelector("input[type=file]")).sendKeys(txt + "\n" + html + "\n" + scan);
    panel.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-error"), "refused"));
    assertThat(writablePool.size()).isEqualTo(before);

    WebElement token = panel.findElement(By.id("token"));
    token.clear();
    token.sendKeys(WRITE_TOKEN);
    expectedConsoleErrors.add("400");
    panel.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#add-results li"), 3));
    List<WebElement> results = driver.findElements(By.cssSelector("#add-results li"));
    assertThat(results.get(0).getText()).contains("jane-roe.txt added as cv-");
    assertThat(results.get(1).getText()).contains("sam-welder.html added as cv-");
    assertThat(results.get(2).getText()).contains("scan.pdf").contains("empty");
    assertThat(writablePool.size()).isEqualTo(before + 2);
    // The token lives in this tab's session storage: not in the URL, not in a cookie.
    assertThat(driver.getCurrentUrl()).doesNotContain(WRITE_TOKEN);
    assertThat(driver.manage().getCookies()).isEmpty();
    assertThat(((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('jobcode.writeToken')"))
        .isEqualTo(WRITE_TOKEN);

    results.get(0).findElement(By.tagName("a")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cv-text")));
    String id = driver.getCurrentUrl().replaceFirst(".*/candidates/", "");
    assertThat(driver.findElement(By.id("view")).getText()).contains("(inferred)").contains("jane-roe.txt");
    WebElement erase = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("erase-cv")));
    assertThat(erase.findElement(By.id("token")).getDomProperty("value")).isEqualTo(WRITE_TOKEN);
    erase.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.alertIsPresent()).accept();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("erase-receipt"), "Erased " + id));
    assertThat(writablePool.get(id)).isEmpty();
    assertThat(writablePool.size()).isEqualTo(before + 1);
  }
}
