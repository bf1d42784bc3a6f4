package nws.watermark.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nws.watermark.api.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The upload page at {@code GET /} in a real headless Chromium, the Debian {@code chromium} and
 * {@code chromium-driver} packages: what a person does with it, and what they see. Screenshots go
 * to {@code api-verticle/target/upload-page*.png}. Without the browser the test fails, it never
 * skips: {@code .ci/run} installs both packages.
 */
class UploadPageTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String PHOTO = "photo_2mp_storm.jpg";
  static final Duration WAIT = Duration.ofSeconds(30);

  private static Service service;
  private static ChromeDriver browser;
  private static Path downloads;
  private static Path profile;
  private static Path logos;

  @BeforeAll
  static void start() throws IOException {
    assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
            + ": apt-get install chromium chromium-driver (.ci/run does)");
    logos = Service.redLogo("acme", 120, 60);
    service = Service.start(Map.of("NWS_WATERMARK_DIR", logos.toString(),
        "NWS_PRESETS", "thumb=w:200,h:200,fit:cover"));
    downloads = Files.createTempDirectory("nws-downloads-");
    profile = Files.createTempDirectory("nws-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--no-default-browser-check", "--no-proxy-server",
        "--user-data-dir=" + profile, "--window-size=1280,1400");
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toString(),
        "download.prompt_for_download", false));
    // An explicit driver path: Selenium Manager is never asked to find or download anything.
    ChromeDriverService driver = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    browser = new ChromeDriver(driver, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.close();
    }
    delete(downloads);
    delete(profile);
    delete(logos);
  }

  @BeforeEach
  void openThePage() {
    browser.manage().window().setSize(new Dimension(1280, 1400));
    browser.get("http://127.0.0.1:" + service.port + "/");
    new WebDriverWait(browser, WAIT).until(d -> byId("upload-form").getDomAttribute("data-defaults") != null);
  }

  @Test
  void the_page_shows_the_service_defaults_and_what_webp_saves_against_jpeg() {
    assertEquals("1024", byId("w").getDomProperty("value"), "the default box, read from GET /options");
    assertEquals("format default", text("q-value"), "no quality until one is chosen: each format has its own");
    choose(PHOTO);
    type("w", "480");
    new Select(byId("format")).selectByValue("webp");
    byId("submit").click();
    awaitResult();
    assertEquals("WEBP", text("result-format"));
    new WebDriverWait(browser, WAIT).until(d -> text("result-saved").contains("than the JPEG"));
    assertTrue(text("result-saved").contains("% smaller than the JPEG"), text("result-saved"));
  }

  @Test
  void a_person_uploads_a_photo_sees_original_and_result_and_downloads_it() throws IOException {
    choose(PHOTO);
    type("w", "640");
    type("wm", "NWS Selenium");
    new Select(byId("pos")).selectByValue("c");
    slide("opacity", "0.8");
    byId("submit").click();
    awaitResult();

    assertEquals("1920 × 1280", text("original-dims"));
    assertEquals("640 × 427", text("result-dims"));
    assertEquals("MISS", text("result-cache-text"));
    assertTrue(text("result-bytes").endsWith("KiB"), text("result-bytes"));
    assertTrue(text("original-bytes").endsWith("KiB"), text("original-bytes"));
    assertTrue(text("result-time").matches("\\d+ ms"), text("result-time"));
    assertEquals(640L, js("return document.getElementById('result-img').naturalWidth"), "the result is shown");
    screenshot("upload-page.png");

    byId("download").click();
    Path file = downloads.resolve("photo_2mp_storm-watermarked.jpg");
    new WebDriverWait(browser, WAIT).until(d -> Files.isRegularFile(file) && !partial());
    BufferedImage saved = ImageIO.read(file.toFile());
    assertEquals(640, saved.getWidth());
    assertEquals(427, saved.getHeight());
  }

  @Test
  void a_person_picks_a_preset_then_a_logo_and_where_the_crop_falls() {
    assertEquals(List.of("", "thumb"), new Select(byId("preset")).getOptions().stream()
        .map(o -> o.getDomProperty("value")).toList(), "the presets of GET /options");
    new Select(byId("preset")).selectByValue("thumb");
    assertTrue(text("preset-options").startsWith("w=200, h=200, fit=cover"), text("preset-options"));
    choose(PHOTO);
    byId("submit").click();
    awaitResult();
    assertEquals("200 × 200", text("result-dims"), "the preset's size");

    new Select(byId("preset")).selectByValue("");
    type("w", "400");
    type("h", "400");
    new Select(byId("fit")).selectByValue("cover");
    new Select(byId("gravity")).selectByValue("smart");
    type("focus", "0.9,0.5");
    new Select(byId("wmimg")).selectByValue("acme");
    byId("submit").click();
    awaitResult();
    assertEquals("400 × 400", text("result-dims"));
    // The 120 x 60 logo at the bottom right, half opaque red: read back from the shown result.
    Object rgb = js("const img = document.getElementById('result-img');"
        + "const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;"
        + "const g = c.getContext('2d'); g.drawImage(img, 0, 0);"
        + "return Array.from(g.getImageData(330, 360, 1, 1).data.slice(0, 3));");
    List<?> pixel = (List<?>) rgb;
    long red = ((Number) pixel.get(0)).longValue();
    long green = ((Number) pixel.get(1)).longValue();
    assertTrue(red > green + 60, "the logo shows where pos=br puts it: " + pixel);
  }

  @Test
  void a_service_that_takes_presets_only_offers_only_them() {
    try (Service strict = Service.start(Map.of("NWS_PRESETS", "thumb=w:200,h:200,fit:cover;wide=w:600,format:webp",
        "NWS_ONLY_PRESETS", "true"))) {
      browser.get("http://127.0.0.1:" + strict.port + "/");
      new WebDriverWait(browser, WAIT).until(d -> "loaded".equals(byId("upload-form").getDomAttribute("data-defaults")));
      assertTrue(byId("only-presets").isDisplayed(), "the page says why the other options are gone");
      assertFalse(byId("w").isDisplayed(), "no free size");
      assertFalse(byId("wm").isDisplayed(), "no free watermark text");
      new Select(byId("preset")).selectByValue("wide");
      choose(PHOTO);
      byId("submit").click();
      awaitResult();
      assertEquals("600 × 400", text("result-dims"), "the preset's size, and the upload was not refused");
      assertEquals("WEBP", text("result-format"));
      assertEquals("not compared: this service takes presets only", text("result-saved"),
          "no JPEG asked for: format=jpeg is an option such a service refuses");
    }
  }

  @Test
  void the_same_photo_with_the_same_options_again_is_a_cache_hit() {
    choose(PHOTO);
    type("w", "500");
    byId("submit").click();
    awaitResult();
    assertEquals("MISS", text("result-cache-text"));

    byId("submit").click();
    awaitResult();
    assertEquals("HIT", text("result-cache-text"));
    assertEquals("500 × 333", text("result-dims"));
  }

  @Test
  void a_photo_dropped_on_the_box_is_the_one_uploaded() {
    String base64 = java.util.Base64.getEncoder().encodeToString(Service.corpus("photo_03mp_rocket.jpg"));
    // What a drag from the desktop delivers: a drop event whose DataTransfer holds the file.
    js("const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));"
        + "const transfer = new DataTransfer();"
        + "transfer.items.add(new File([bytes], 'dropped.jpg', { type: 'image/jpeg' }));"
        + "document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));",
        base64);
    assertEquals("dropped.jpg (109.9 KiB)", text("file-name"));

    byId("submit").click();
    awaitResult();
    assertEquals("640 × 427", text("result-dims"), "not enlarged into the 1024 box");
    assertEquals("640 × 427", text("original-dims"));
  }

  @Test
  void a_service_that_needs_a_key_asks_for_it_and_shows_a_401_as_the_api_message() {
    assertFalse(byId("access").isDisplayed(), "an open service asks for no key");
    String key = "page-test-key-5c1e9a7b3d";
    try (Service keyed = Service.start(Map.of("NWS_API_KEYS", key))) {
      browser.get("http://127.0.0.1:" + keyed.port + "/");
      new WebDriverWait(browser, WAIT).until(d -> byId("upload-form").getDomAttribute("data-defaults") != null);
      assertTrue(byId("api-key").isDisplayed(), "the key field shows when the service needs a key");
      choose(PHOTO);
      byId("submit").click();
      awaitError();
      assertEquals("UNAUTHORIZED", text("error-code"));
      assertTrue(text("error-message").contains("API key"), text("error-message"));

      type("api-key", key);
      byId("submit").click();
      awaitResult();
      assertEquals("JPEG", text("result-format"));
      // Kept for the tab: a reload still has it, and it is never in the page's address or storage for good.
      browser.navigate().refresh();
      new WebDriverWait(browser, WAIT).until(d -> byId("upload-form").getDomAttribute("data-defaults") != null);
      assertEquals(key, byId("api-key").getDomProperty("value"));
      assertEquals(key, js("return window.sessionStorage.getItem('nws-api-key')"), "kept for this tab");
      assertFalse(browser.getCurrentUrl().contains(key), "never in the address");
    }
  }

  @Test
  void a_file_that_is_not_an_image_shows_the_api_message() throws IOException {
    HttpResponse<Buffer> api = service.upload("not_an_image.jpg");
    choose("not_an_image.jpg");
    byId("submit").click();
    awaitError();

    assertEquals(api.bodyAsJsonObject().getString("error"), text("error-code"));
    assertEquals(api.bodyAsJsonObject().getString("message"), text("error-message"));
    assertEquals("UNSUPPORTED_FORMAT", text("error-code"));
    assertFalse(byId("compare").isDisplayed(), "no result for a refused upload");
    screenshot("upload-page-error.png");
  }

  @Test
  void an_out_of_range_option_shows_the_api_message() {
    choose(PHOTO);
    type("w", "9000");
    byId("submit").click();
    awaitError();

    assertEquals("INVALID_OPTION", text("error-code"));
    assertEquals("w must be an integer 1..8192, got '9000'", text("error-message"));
  }

  @Test
  void on_a_phone_sized_screen_the_page_fits_and_works_from_the_keyboard() throws IOException {
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get("http://127.0.0.1:" + service.port + "/");
    List<WebElement> controls = browser.findElements(By.cssSelector("input, select"));
    for (WebElement control : controls) {
      assertEquals(Boolean.TRUE, js("return arguments[0].labels.length > 0", control),
          "control " + control.getDomAttribute("id") + " has a label");
    }

    new Actions(browser).sendKeys(Keys.TAB).perform();
    assertEquals("file", js("return document.activeElement.id"), "the photo picker is the first stop");
    new Actions(browser).sendKeys(Keys.TAB).perform();
    assertEquals("preset", js("return document.activeElement.id"), "this service has presets: they come first");
    new Actions(browser).sendKeys(Keys.TAB).perform();
    assertEquals("w", js("return document.activeElement.id"));

    choose(PHOTO);
    type("w", "300");
    byId("w").sendKeys(Keys.ENTER);
    awaitResult();
    assertEquals("300 × 200", text("result-dims"));
    assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth"),
        "nothing wider than the screen");
    screenshot("upload-page-phone.png");
  }

  private static void choose(String corpusFile) {
    byId("file").sendKeys(Service.CORPUS.resolve(corpusFile).toAbsolutePath().normalize().toString());
  }

  private static void type(String id, String value) {
    WebElement field = byId(id);
    field.clear();
    field.sendKeys(value);
  }

  /** Sets a range input as a person dragging it would, firing the input event. */
  private static void slide(String id, String value) {
    js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", byId(id), value);
  }

  private static void awaitResult() {
    new WebDriverWait(browser, WAIT).until(d -> "done".equals(byId("compare").getDomAttribute("data-state"))
        || byId("error").isDisplayed());
    assertFalse(byId("error").isDisplayed(), () -> "unexpected error: " + text("error-message"));
  }

  private static void awaitError() {
    new WebDriverWait(browser, WAIT).until(d -> byId("error").isDisplayed());
  }

  private static WebElement byId(String id) {
    return browser.findElement(By.id(id));
  }

  private static String text(String id) {
    return byId(id).getText().trim();
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private static boolean partial() {
    try (var files = Files.list(downloads)) {
      return files.anyMatch(p -> p.toString().endsWith(".crdownload"));
    } catch (IOException e) {
      return true;
    }
  }

  private static void screenshot(String name) throws IOException {
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp folder is not worth failing a test for
    }
  }
}
