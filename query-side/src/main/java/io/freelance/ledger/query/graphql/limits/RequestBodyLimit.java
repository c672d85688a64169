package io.freelance.ledger.query.graphql.limits;

import io.freelance.ledger.query.graphql.RequestErrorInterceptor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of a GraphQL request over HTTP. Spring GraphQL reads the whole body into memory before
 * graphql-java's parser limits apply, so without a cap three concurrent 150 MB bodies exhausted a 512 MB
 * heap (an OutOfMemoryError, answered 500, on any thread that allocated at that moment). A body that
 * declares a length over the cap is refused with 413 and a classified error before a byte of it is read;
 * a chunked body is read only up to the cap and then fails as an unreadable request (400). Runs after
 * sign-in, so a stranger's body is never read at all.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;

    public RequestBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.POST.matches(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response, declared);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new CappedBodyRequest(request, maxBytes), response);
    }

    private void refuse(HttpServletResponse response, long declared) throws IOException {
        // Only numbers of ours go into the sentence, so it needs no escaping.
        String message = String.format(Locale.ROOT,
                "The request body is %d bytes; a GraphQL request may be at most %d bytes.", declared, maxBytes);
        String body = "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"classification\":\"BAD_REQUEST\","
                + "\"rule\":\"" + RequestErrorInterceptor.SIZE_RULE + "\"}}]}";
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        // Tomcat would otherwise swallow the unread body to keep the connection; closing it costs less.
        response.setHeader("Connection", "close");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** A request of unknown length whose body ends in an error once it passes the cap. */
    private static final class CappedBodyRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream capped;

        CappedBodyRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                capped = new CappedInputStream(super.getInputStream(), maxBytes);
            }
            return capped;
        }
    }

    private static final class CappedInputStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long maxBytes;
        private long read;

        CappedInputStream(ServletInputStream body, long maxBytes) {
            this.body = body;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new IOException("The request body passed " + maxBytes + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
