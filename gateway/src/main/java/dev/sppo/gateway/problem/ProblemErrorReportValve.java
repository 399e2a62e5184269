package dev.sppo.gateway.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Tomcat's error page for what never reaches the API: a request that Tomcat itself refuses (an encoded {@code /} or
 * {@code ..} in the path, a malformed request line or header) gets a JSON problem in place of Tomcat's HTML page.
 * The detail names the kind of fault, never Tomcat's own message.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    static final String DETAIL = "the request was refused before it reached the API: its path, request line or "
            + "headers are malformed (an encoded '/' or '..' in the path, for example)";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status >= 500 ? "the gateway could not handle the request" : DETAIL;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            container.getLogger().debug("could not write the error problem", e);
        }
    }
}
