package dev.sppo.preferences;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local OpenAI-style judge that prefers the longer response and answers "A" on a tie (a pure position bias).
 * It reads the responses from the test template {@value #TEMPLATE} and records each Authorization header.
 */
final class FakeJudgeServer {

    static final String TEMPLATE = "{prompt}|{response_a}|{response_b}";
    private static final Pattern CONTENT = Pattern.compile("\"content\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    FakeJudgeServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/chat/completions", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] body = ("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"" + verdict(request)
                    + "\"}}]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/v1";
    }

    List<String> authorizations() {
        return authorizations;
    }

    private static String verdict(String request) {
        Matcher content = CONTENT.matcher(request);
        if (!content.find()) {
            return "no content";
        }
        String[] parts = content.group(1).split("\\|", -1);
        return parts[2].length() > parts[1].length() ? "B" : "A";
    }
}
