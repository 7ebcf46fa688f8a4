package io.leadgate.channel.webform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.Charsets;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.UnparseableException;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.UrlQuery;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a form post in any of the three encodings sites use: {@code application/x-www-form-urlencoded},
 * {@code multipart/form-data} (parsed with Jakarta Mail's MIME parser; files are kept as attachment facts) and
 * JSON (nested objects flattened to {@code a.b}, arrays of objects to {@code a[0].b}).
 */
public final class FormBodyParser {

    public static final Set<String> MEDIA_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "application/json", "text/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormBodyParser() {
    }

    public static boolean accepts(String mediaType) {
        return MEDIA_TYPES.contains(mediaType) || mediaType.endsWith("+json");
    }

    public static FormFields parse(HookRequest request) throws UnparseableException {
        String mediaType = request.mediaType();
        if (mediaType.equals("multipart/form-data")) {
            return multipart(request);
        }
        if (mediaType.equals("application/json") || mediaType.equals("text/json") || mediaType.endsWith("+json")) {
            return json(request.body());
        }
        return FormFields.of(UrlQuery.parse(request.bodyText(), request.charset()));
    }

    /** Parses a JSON object body into flattened fields. */
    public static FormFields json(byte[] body) throws UnparseableException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new UnparseableException("body is not valid JSON" + location(e));
        }
        if (root == null || !root.isObject()) {
            throw new UnparseableException("JSON body must be an object");
        }
        List<FormFields.Field> fields = new ArrayList<>();
        flatten("", root, fields);
        return new FormFields(fields, List.of());
    }

    private static void flatten(String prefix, JsonNode node, List<FormFields.Field> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                flatten(item.isContainerNode() ? prefix + "[" + i + "]" : prefix, item, out);
            }
        } else if (!node.isNull()) {
            out.add(new FormFields.Field(prefix, node.asText()));
        }
    }

    private static FormFields multipart(HookRequest request) throws UnparseableException {
        String contentType = request.headers().first("Content-Type").orElse("");
        List<FormFields.Field> fields = new ArrayList<>();
        List<Attachment> files = new ArrayList<>();
        try {
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(request.body(), contentType));
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String[] disposition = part.getHeader("Content-Disposition");
                if (disposition == null || disposition.length == 0) {
                    continue;
                }
                ContentDisposition cd = new ContentDisposition(disposition[0]);
                String name = utf8(cd.getParameter("name"));
                String filename = utf8(cd.getParameter("filename"));
                byte[] bytes;
                try (InputStream in = part.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                if (filename != null) {
                    if (!filename.isEmpty() || bytes.length > 0) {
                        files.add(new Attachment(filename, part.getContentType(), (long) bytes.length, null));
                    }
                } else if (name != null) {
                    fields.add(new FormFields.Field(name, new String(bytes, partCharset(part, request.charset()))));
                }
            }
        } catch (MessagingException | IOException e) {
            throw new UnparseableException("multipart body cannot be read: " + e.getMessage());
        }
        return new FormFields(fields, files);
    }

    /**
     * Browsers send field and file names as raw UTF-8 in the part headers; the MIME parser reads header bytes as
     * Latin-1. Undo that when the bytes are valid UTF-8.
     */
    private static String utf8(String latin1) {
        if (latin1 == null || latin1.chars().allMatch(c -> c < 0x80) || latin1.chars().anyMatch(c -> c > 0xFF)) {
            return latin1;
        }
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return latin1;
        }
    }

    private static Charset partCharset(BodyPart part, Charset fallback) throws MessagingException {
        String ct = part.getContentType();
        if (ct != null) {
            try {
                String cs = new ContentType(ct).getParameter("charset");
                if (cs != null) {
                    return Charsets.lookup(cs).orElse(fallback == null ? StandardCharsets.UTF_8 : fallback);
                }
            } catch (RuntimeException | jakarta.mail.internet.ParseException ignored) {
                // fall back to the request's charset
            }
        }
        return fallback == null ? StandardCharsets.UTF_8 : fallback;
    }

    private static String location(IOException e) {
        return e instanceof JsonProcessingException jpe && jpe.getLocation() != null
                ? " (line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr() + ")" : "";
    }
}
