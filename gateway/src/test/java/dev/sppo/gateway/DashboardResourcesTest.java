package dev.sppo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dashboard's static files: served without a key, offline (the chart library from its WebJar). */
class DashboardResourcesTest extends RunningGatewayTest {

    private static final Path STATIC = Path.of("src/main/resources/static");
    private static final Pattern IMPORT = Pattern.compile("^import .* from '([^']+)';$", Pattern.MULTILINE);
    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/[^\"]+)\"");

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        routeTo(registry, StubService::nobodyListening, StubService::nobodyListening, StubService::nobodyListening);
    }

    @Test
    void rootServesThePageWithoutAKey() {
        HttpResponse<String> page = gateway.send("GET", "/", null, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/dashboard/app.js\">");
    }

    @Test
    void everyFileThePageLinksAndEveryModuleImportIsServedWithoutAKey() throws IOException {
        List<String> targets = new ArrayList<>(matches(LINKED, Files.readString(STATIC.resolve("index.html"))));
        try (Stream<Path> modules = Files.list(STATIC.resolve("dashboard"))) {
            for (Path module : modules.filter(file -> file.toString().endsWith(".js")).toList()) {
                matches(IMPORT, Files.readString(module)).stream()
                        .map(target -> target.startsWith("./") ? "/dashboard/" + target.substring(2) : target)
                        .forEach(targets::add);
            }
        }

        assertThat(targets).contains("/webjars/uplot/dist/uPlot.esm.js", "/dashboard/charts.js");
        for (String target : targets) {
            HttpResponse<String> response = gateway.send("GET", target, null, null);
            assertThat(response.statusCode()).as(target).isEqualTo(200);
            assertThat(response.body()).as(target).isNotBlank();
        }
    }

    @Test
    void scriptsAreServedAsJavaScriptSoBrowsersRunThemAsModules() {
        assertThat(gateway.send("GET", "/dashboard/app.js", null, null).headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    }

    @Test
    void theOpenDashboardPathsDoNotOpenTheApi() {
        assertThat(gateway.send("GET", "/dashboard/../api/jobs", null, null).statusCode()).isIn(400, 401, 404);
        assertThat(gateway.send("GET", "/webjars/%2e%2e/api/jobs", null, null).statusCode()).isIn(400, 401, 404);
        assertThat(gateway.send("GET", "/dashboard/nothing.js", null, null).statusCode()).isEqualTo(404);
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
