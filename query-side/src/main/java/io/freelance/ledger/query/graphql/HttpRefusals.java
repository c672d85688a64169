package io.freelance.ledger.query.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests to the GraphQL endpoint that HTTP refuses before GraphQL reads them (a body that is not a JSON
 * request, the wrong method or content type) answer with a classified error in the GraphQL errors' shape,
 * naming the rule: Spring's own answer was {@code {"timestamp","status","error","path"}}, or nothing at all,
 * and said neither what was wrong nor how to send it. The status stays HTTP's, except that a method the endpoint
 * has no route for is 405, not 404. Spring reports some refusals by {@code sendError}, which the container would
 * turn into its error page, and answers others with a status and no body; this answers both in place, and leaves
 * alone any answer whose body the handler has begun.
 */
public class HttpRefusals extends OncePerRequestFilter {

    static final String UNREADABLE_RULE = "request.unreadable";
    static final String METHOD_RULE = "request.method";
    static final String CONTENT_TYPE_RULE = "request.content-type";
    static final String ACCEPT_RULE = "request.accept";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // A WebSocket upgrade (subscriptions) goes to the container untouched; an HTTP/2 upgrade offer (h2c) does not.
        return "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Answering answering = new Answering(response);
        chain.doFilter(request, answering);
        answering.answerIfEmpty();
    }

    /** The sentence and rule for a status HTTP refuses a request with; null for any other status. */
    static Refusal refusalFor(int status) {
        return switch (status) {
            case HttpServletResponse.SC_BAD_REQUEST -> new Refusal(UNREADABLE_RULE, "The request could not be read: send a JSON "
                    + "object in UTF-8 with the document as a string \\\"query\\\", and optionally \\\"variables\\\" (an object) and "
                    + "\\\"operationName\\\" (a string).");
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED, HttpServletResponse.SC_NOT_FOUND -> new Refusal(METHOD_RULE,
                    "Send GraphQL requests with POST (subscriptions over a WebSocket to the same path).");
            case HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE -> new Refusal(CONTENT_TYPE_RULE,
                    "Send the request body with Content-Type: application/json, and accept application/json in the answer.");
            case HttpServletResponse.SC_NOT_ACCEPTABLE -> new Refusal(ACCEPT_RULE,
                    "Accept application/json or application/graphql-response+json; the answer is one of them.");
            default -> null;
        };
    }

    /** Only sentences of ours, escaped as written, go into the body. */
    record Refusal(String rule, String message) {

        byte[] json() {
            return ("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"classification\":\"BAD_REQUEST\","
                    + "\"rule\":\"" + rule + "\"}}]}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class Answering extends HttpServletResponseWrapper {

        private boolean bodyBegun;

        Answering(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyBegun = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyBegun = true;
            return super.getWriter();
        }

        /** A refusal status with no body at all gets the classified error. */
        void answerIfEmpty() throws IOException {
            if (!bodyBegun && !isCommitted() && refusalFor(getStatus()) != null) {
                answer(getStatus());
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String reason) throws IOException {
            Refusal refusal = refusalFor(status);
            if (refusal == null || isCommitted()) {
                super.sendError(status, reason);
                return;
            }
            resetBuffer();
            answer(status);
        }

        private void answer(int status) throws IOException {
            boolean noRoute = status == HttpServletResponse.SC_NOT_FOUND;
            setStatus(noRoute ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : status);
            if (noRoute || status == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
                setHeader(HttpHeaders.ALLOW, "POST");
            }
            setContentType(MediaType.APPLICATION_JSON_VALUE);
            byte[] body = refusalFor(status).json();
            setContentLength(body.length);
            getOutputStream().write(body);
            flushBuffer();
        }
    }
}
