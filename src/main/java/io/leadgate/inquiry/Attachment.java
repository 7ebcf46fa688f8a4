package io.leadgate.inquiry;

/**
 * A file that came with an inquiry; {@code ref} is the provider's file id or URL, when it has one; {@code content}
 * the bytes when the channel keeps attachment contents ({@code attachments: store}), otherwise null.
 */
public record Attachment(String name, String contentType, Long size, String ref, byte[] content) {

    /** The name as the sender gave it, made safe ({@link SafeFileName}): no path, no control or bidi characters. */
    public Attachment {
        name = SafeFileName.clean(name);
        contentType = Limits.clip(contentType, Limits.CONTENT_TYPE);
    }

    public Attachment(String name, String contentType, Long size, String ref) {
        this(name, contentType, size, ref, null);
    }

    @Override
    public String toString() { // never the bytes
        return "Attachment[" + name + ", " + contentType + ", " + size + (content == null ? "" : ", stored") + "]";
    }
}
