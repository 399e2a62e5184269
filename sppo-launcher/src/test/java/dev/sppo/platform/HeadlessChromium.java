package dev.sppo.platform;

import org.assertj.core.api.Assertions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, through its own chromedriver. Both paths are given explicitly so that Selenium
 * Manager never looks for (or downloads) a browser or driver.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** What to install, when the browser or its driver is missing. */
    static Optional<String> missing() {
        return Stream.of(BINARY, DRIVER).filter(executable -> !Files.isExecutable(executable)).findFirst()
                .map(executable -> executable + " is missing: the dashboard browser tests drive Debian's chromium "
                        + "and chromium-driver. Run .ci/run (as root it installs them), or: "
                        + "apt-get update && apt-get install -y chromium chromium-driver");
    }

    /** Fails the calling test, saying what to install, when the browser or its driver is missing. */
    static void requireInstalled() {
        missing().ifPresent(Assertions::fail);
    }

    /**
     * A browser with a fresh profile in {@code profile} that saves downloads into {@code downloads} without
     * asking.
     */
    static ChromeDriver start(Path profile, Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
