package io.casegrid.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for the test JVM (Debian's {@code chromium} and {@code chromedriver}), driving the console
 * as a person would: signing in on Keycloak's own login page, clicking and typing. Started on first use, quit when
 * the JVM exits, so the browser tests share one browser session.
 */
final class ConsoleBrowser {

	static final Dimension PHONE = new Dimension(390, 844);

	static final Dimension DESKTOP = new Dimension(1280, 900);

	/** Where screenshots of the pages go when {@code -Dconsole.screenshots=docs/console} is given; none otherwise. */
	private static final String SCREENSHOTS = System.getProperty("console.screenshots", "");

	private static ChromeDriver driver;

	/** The console has signed in and drawn its page. */
	private static final String LOADED = """
			const page = document.querySelector('#page');
			return !!page && !!document.querySelector('#who') && document.querySelector('#who').textContent !== ''
				&& !/^(正在登录|加载中)/.test(page.textContent.trim());
			""";

	private final int port;

	private Dimension current = DESKTOP;

	ConsoleBrowser(int port) {
		this.port = port;
	}

	static synchronized ChromeDriver driver() {
		if (driver == null) {
			ChromeOptions options = new ChromeOptions();
			Path chromium = Path.of("/usr/bin/chromium");
			if (Files.isExecutable(chromium)) {
				options.setBinary(chromium.toFile());
			}
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			// headless Chromium takes its languages (navigator.languages, Accept-Language) from --accept-lang, not --lang
			options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN",
					"--accept-lang=zh-CN,zh", "--window-size=1280,900");
			ChromeDriverService.Builder service = new ChromeDriverService.Builder();
			Path chromedriver = Path.of("/usr/bin/chromedriver");
			if (Files.isExecutable(chromedriver)) {
				service.usingDriverExecutable(chromedriver.toFile());
			}
			driver = new ChromeDriver(service.build(), options);
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
			ChromeDriver started = driver;
			Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "quit-chromium"));
		}
		return driver;
	}

	String url(String hash) {
		return "http://localhost:" + port + "/console/" + hash;
	}

	/** Signs out whoever is signed in, then signs in as this user on Keycloak's login page and opens the page. */
	void signInAs(String username, String hash) {
		WebDriver browser = driver();
		browser.get(url(hash));
		waitFor(page -> onLoginPage() || loaded());
		if (!onLoginPage()) {
			browser.findElement(By.id("signout")).click();
			waitFor(page -> onLoginPage());
		}
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("demo");
		browser.findElement(By.id("kc-login")).click();
		waitFor(page -> loaded());
		open(hash);
	}

	/**
	 * Signs in to a Camunda webapp page ({@code /camunda/app/...}) on Keycloak's login page, after ending the browser's
	 * Keycloak and webapp sessions (their cookies), and waits until the page shows {@code text}.
	 */
	void signInToWebapp(String username, String path, String keycloakIssuer, String text) {
		WebDriver browser = driver();
		// a page under the realm's cookie path (/realms/<realm>/), so that its session cookies are the page's to delete
		browser.get(keycloakIssuer + "/protocol/openid-connect/certs");
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/console/");
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + path);
		waitFor(page -> onLoginPage());
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("demo");
		browser.findElement(By.id("kc-login")).click();
		showing(text);
	}

	/** Opens a webapp page of the signed-in user and waits until it shows {@code text}. */
	void openWebapp(String path, String text) {
		driver().get("http://localhost:" + port + path);
		showing(text);
	}

	private void showing(String text) {
		waitFor(page -> page.findElement(By.tagName("body")).getText().contains(text));
	}

	String bodyText() {
		return waitFor(page -> page.findElement(By.tagName("body")).getText());
	}

	private boolean onLoginPage() {
		return !driver().findElements(By.id("kc-login")).isEmpty();
	}

	private boolean loaded() {
		return Boolean.TRUE.equals(((JavascriptExecutor) driver()).executeScript(LOADED));
	}

	void open(String hash) {
		driver().get(url(hash));
		waitFor(page -> loaded());
	}

	/**
	 * A phone is emulated (Chromium's device metrics: a 390×844 viewport, touch, mobile layout), since a headless
	 * window cannot be made narrower than 500 pixels; a desktop is a plain 1280×900 window.
	 */
	void size(Dimension size) {
		if (size.equals(PHONE)) {
			driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.getWidth(), "height",
					size.getHeight(), "deviceScaleFactor", 1, "mobile", true));
		}
		else {
			driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			driver().manage().window().setSize(size);
		}
		current = size;
	}

	int viewportWidth() {
		return ((Number) ((JavascriptExecutor) driver()).executeScript("return window.innerWidth")).intValue();
	}

	<T> T waitFor(Function<? super WebDriver, T> condition) {
		try {
			// a page that redraws itself (Camunda's webapps after sign-in) replaces the element read a moment ago
			return new WebDriverWait(driver(), Duration.ofSeconds(30))
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(condition);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Waited in vain on " + driver().getCurrentUrl() + ", page: "
					+ driver().findElement(By.tagName("body")).getText() + "\nbrowser log: "
					+ driver().manage().logs().get(LogType.BROWSER).getAll(), ex);
		}
	}

	WebElement find(String css) {
		return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	List<WebElement> all(String css) {
		return driver().findElements(By.cssSelector(css));
	}

	void type(String css, String text) {
		WebElement input = find(css);
		input.clear();
		input.sendKeys(text);
	}

	void choose(String css, String value) {
		new Select(find(css)).selectByValue(value);
	}

	/** Inputs whose typing depends on the browser's locale (datetime-local) get their value set. */
	void setValue(String css, String value) {
		((JavascriptExecutor) driver()).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
				find(css), value);
	}

	void click(String css) {
		waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
	}

	/** The current page at phone and desktop size, when screenshots are asked for. */
	void screenshots(String name) {
		if (SCREENSHOTS.isEmpty()) {
			return;
		}
		Dimension before = current;
		try {
			Path dir = Files.createDirectories(Path.of(SCREENSHOTS));
			for (var size : List.of(PHONE, DESKTOP)) {
				size(size);
				Thread.sleep(300); // the layout settles (Leaflet redraws on resize)
				Path file = dir.resolve(name + "-" + (size == PHONE ? "phone" : "desktop") + ".png");
				Files.write(file, driver().getScreenshotAs(OutputType.BYTES));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			size(before);
		}
	}

}
