package io.leadgate.channel.email;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Found by ProviderFuzzTest: a tag with a very long attribute run overflowed the stack of the tag regex. */
class HtmlTextLongTagTest {

    @Test
    void aVeryLongTagIsReadWithoutOverflowingTheStack() {
        String attributes = " x".repeat(200_000);
        String text = HtmlText.toText("<p" + attributes + ">hello</p> <b title=\"a>b\">world</b>");
        assertEquals("hello world", text.replaceAll("\\s+", " ").strip());
    }

    @Test
    void anUnclosedTagStaysText() {
        String text = HtmlText.toText("<p>before</p><a title=\"never closed>after" + "y".repeat(100_000));
        assertTrue(text.startsWith("before"), text.substring(0, 40));
    }
}
