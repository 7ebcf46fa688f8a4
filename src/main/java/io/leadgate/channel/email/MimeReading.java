package io.leadgate.channel.email;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Jakarta Mail's message, part and multipart objects over header blocks we read ourselves: one char per raw byte
 * (so RFC 6532 and 8-bit headers can be decoded later) and without {@code InternetHeaders.load}, which in Jakarta
 * Mail 2.1 looks its stream provider up with a ServiceLoader on every call (jakartaee/mail-api#699, #861) and would
 * cost most of the parse time. Multipart splitting stays Jakarta Mail's.
 */
final class MimeReading {

    private MimeReading() {
    }

    /** A message from its raw bytes: the header block, then the content as it is. */
    static MimeMessage message(byte[] raw) {
        ByteArrayInputStream in = new ByteArrayInputStream(raw);
        InternetHeaders headers = headers(in);
        return new Message(headers, in.readAllBytes());
    }

    /** Splits a multipart body; the content type must name the boundary (or none, to take the first dash line). */
    static MimeMultipart multipart(byte[] body, String contentType) throws MessagingException {
        return new Multipart(new Bytes(body, contentType));
    }

    /**
     * Reads header lines up to the first empty line (LF or CRLF ends), leaving the stream at the content. A line
     * without a colon continues the header before it (an unindented continuation); an mbox {@code From } line is
     * dropped; when the first line is no header at all, there is no header block and everything is content.
     */
    static InternetHeaders headers(InputStream in) {
        InternetHeaders headers = new InternetHeaders();
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        boolean any = false;
        in.mark(Integer.MAX_VALUE);
        try {
            int b;
            do {
                b = in.read();
                if (b >= 0 && b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                if (text.isEmpty()) {
                    return headers;
                }
                boolean continuation = text.charAt(0) == ' ' || text.charAt(0) == '\t' || text.indexOf(':') < 0;
                if (!any && text.startsWith("From ")) {
                    in.mark(Integer.MAX_VALUE);
                    continue;
                }
                if (!any && continuation) {
                    if (in.markSupported()) { // no header block at all: all of it is content
                        in.reset();
                        return headers;
                    }
                    continue;
                }
                headers.addHeaderLine(continuation && text.charAt(0) != ' ' && text.charAt(0) != '\t' ? " " + text : text);
                any = true;
            } while (b >= 0);
        } catch (IOException e) {
            // a byte array stream does not fail; keep what was read
        }
        return headers;
    }

    private static final class Message extends MimeMessage {
        Message(InternetHeaders headers, byte[] content) {
            super((Session) null); // no session: nothing is sent or fetched
            this.headers = headers;
            this.content = content;
            this.modified = false;
        }
    }

    /** Parts are read from a plain stream, so the part headers go through {@link #headers} too. */
    private static final class Multipart extends MimeMultipart {
        Multipart(DataSource source) throws MessagingException {
            super(source);
        }

        @Override
        protected InternetHeaders createInternetHeaders(InputStream is) {
            return headers(is);
        }
    }

    private record Bytes(byte[] bytes, String contentType) implements DataSource {
        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes); // not a SharedInputStream: Jakarta Mail would skip headers itself
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return "body";
        }
    }
}
