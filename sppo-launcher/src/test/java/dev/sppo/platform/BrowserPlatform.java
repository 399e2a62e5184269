package dev.sppo.platform;

import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded platform (one generator) and a headless Chromium on its dashboard, for the browser tests.
 *
 * @param harness the platform
 * @param browser the browser
 * @param page the dashboard in that browser
 */
record BrowserPlatform(PlatformHarness harness, ChromeDriver browser, DashboardPage page) implements AutoCloseable {

    /** Fails the calling test, saying what to install, when Chromium or its driver is missing. */
    static BrowserPlatform start(Path checkpoints, Path profile, Path downloads) throws IOException {
        HeadlessChromium.requireInstalled();
        PlatformHarness harness = new PlatformHarness(checkpoints, 1);
        try {
            ChromeDriver browser = HeadlessChromium.start(profile, downloads);
            return new BrowserPlatform(harness, browser,
                    new DashboardPage(browser, "http://localhost:" + harness.platform.gatewayPort()));
        } catch (RuntimeException e) {
            harness.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        harness.close();
    }
}
