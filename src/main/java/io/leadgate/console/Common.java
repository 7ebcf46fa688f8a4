package io.leadgate.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Templates every page uses. */
@CheckedTemplate(basePath = "common")
public final class Common {

    private Common() {
    }

    /** The message area, swapped out of band: {@code message} null clears it. */
    public static native TemplateInstance flash(Page page, String message, boolean error);
}
