package dev.sppo.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible {@code POST /v1/chat/completions} endpoint on the loopback interface, inside this JVM, that
 * answers every request at once with a one-token verdict and the top log-probabilities of "A" and "B": what the
 * bench times an LLM judge against, so that the rate measures the judge's own costs (JSON, one HTTP exchange over
 * loopback, reading the verdict) and none of a model's. It binds only the loopback address.
 *
 * <p>It speaks just enough HTTP/1.1 for a keep-alive client that sends a {@code Content-Length}: one thread per
 * connection, and each answer written in one segment with {@code TCP_NODELAY} set, as model servers do. (The JDK's
 * {@code com.sun.net.httpserver} writes headers and body apart without it, so every exchange waited out the
 * client's delayed acknowledgement, about 40 ms: that measured the test server, not the judge.)
 *
 * <p>The verdict is a function of the request body alone: with h = the body's {@link Arrays#hashCode(byte[])},
 * <pre>  p_A = 0.05 + 0.9 · (h mod 256) / 255</pre>
 * answered as the log-probabilities log p_A and log(1 − p_A), the likelier letter being the content.
 */
public final class LoopbackChatServer implements AutoCloseable {

    private static final String PATH = "/v1/chat/completions";

    private final ServerSocket listener;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-chat");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private LoopbackChatServer(ServerSocket listener) {
        this.listener = listener;
        connections.submit(this::accept);
    }

    /** Starts a server on a free loopback port. */
    public static LoopbackChatServer start() {
        try {
            return new LoopbackChatServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the bench's chat server", e);
        }
    }

    /** The API root, {@code http://127.0.0.1:<port>/v1}. */
    public URI baseUrl() {
        return URI.create("http://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort()
                + "/v1");
    }

    @Override
    public void close() {
        try {
            listener.close();
            for (Socket socket : open) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            connections.shutdownNow();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                connections.submit(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Answers the requests of one keep-alive connection until the client closes it. */
    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            for (String requestLine = line(in); requestLine != null; requestLine = line(in)) {
                int length = 0;
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                        length = Integer.parseInt(header.substring(colon + 1).trim());
                    }
                }
                byte[] request = in.readNBytes(length);
                boolean known = requestLine.startsWith("POST " + PATH + " ");
                respond(out, known ? "200 OK" : "404 Not Found", known ? completion(verdict(request)) : "{}");
            }
        } catch (IOException e) {
            // the client went away, or close() closed the socket
        } finally {
            open.remove(socket);
        }
    }

    private static void respond(OutputStream out, String status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** One CRLF-terminated line, without its terminator; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static double verdict(byte[] request) {
        return 0.05 + 0.9 * Math.floorMod(Arrays.hashCode(request), 256) / 255.0;
    }

    /** A chat completion whose verdict token is "A" with probability {@code pA} and "B" otherwise. */
    static String completion(double pA) {
        String verdict = pA >= 0.5 ? "A" : "B";
        double a = Math.log(pA);
        double b = Math.log(1 - pA);
        return String.format(Locale.ROOT, "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"%s\"},\"logprobs\":{\"content\":[{\"token\":"
                + "\"%s\",\"logprob\":%.6f,\"top_logprobs\":[{\"token\":\"A\",\"logprob\":%.6f},{\"token\":\"B\","
                + "\"logprob\":%.6f}]}]},\"finish_reason\":\"stop\"}]}", verdict, verdict, Math.max(a, b), a, b);
    }
}
