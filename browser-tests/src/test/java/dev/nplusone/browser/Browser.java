package dev.nplusone.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

/**
 * A real headless Chromium, driven through its ChromeDriver: Debian's {@code chromium} and
 * {@code chromium-driver} packages (which {@code .ci/run} installs), found on the PATH, or the
 * binaries named by {@code -Dnplusone.it.chromium} and {@code -Dnplusone.it.chromedriver}. Given
 * both binaries, Selenium uses them as they are and downloads nothing.
 */
final class Browser {

    private Browser() {
    }

    /** Why no browser can run here, or empty when one can. */
    static Optional<String> missing() {
        if (chromium() == null || chromedriver() == null) {
            return Optional.of("no Chromium and ChromeDriver on this machine (looked for chromium, chromium-browser, google-chrome and"
                    + " chromedriver on the PATH, and -Dnplusone.it.chromium / -Dnplusone.it.chromedriver): install Debian's chromium"
                    + " and chromium-driver packages (apt-get install -y chromium chromium-driver), as .ci/run does");
        }
        return Optional.empty();
    }

    /**
     * Starts the browser with a fresh profile in {@code dir}, its performance log on (every network
     * request it makes), and everything that would reach out on its own (updates, sync, QUIC probes) off.
     */
    static ChromeDriver start(Path dir) throws IOException {
        Path profile = Files.createDirectories(dir.resolve("profile-" + System.nanoTime()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().toFile())
                .usingAnyFreePort()
                .withLogFile(dir.resolve("chromedriver.log").toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    private static Path chromium() {
        return find("nplusone.it.chromium", List.of("chromium", "chromium-browser", "google-chrome"));
    }

    private static Path chromedriver() {
        return find("nplusone.it.chromedriver", List.of("chromedriver"));
    }

    private static Path find(String property, List<String> names) {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            return Files.isExecutable(Path.of(given)) ? Path.of(given) : null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
