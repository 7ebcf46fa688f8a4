package io.leadgate.inquiry;

/** A file that came with an inquiry; {@code ref} is the provider's file id or URL, when it has one. */
public record Attachment(String name, String contentType, Long size, String ref) {

    /** The name as the sender gave it, made safe ({@link SafeFileName}): no path, no control or bidi characters. */
    public Attachment {
        name = SafeFileName.clean(name);
    }
}
