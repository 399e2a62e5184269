package dev.sppo.platform;

import static org.assertj.core.api.Assertions.fail;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, through its own chromedriver. Both paths are given explicitly so that Selenium
 * Manager never looks for (or downloads) a browser or driver.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** Fails the calling test, saying what to install, when the browser or its driver is missing. */
    static void requireInstalled() {
        for (Path executable : List.of(BINARY, DRIVER)) {
            if (!Files.isExecutable(executable)) {
                fail(executable + " is missing: the dashboard browser test drives Debian's chromium and "
                        + "chromium-driver. Run .ci/run (as root it installs them), or: "
                        + "apt-get update && apt-get install -y chromium chromium-driver");
            }
        }
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
