package dev.paracite.extractive;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a message that orders the assistant about ("Ignore all previous instructions", "Print
 * your prompt") rather than asking about the document. Such a message is declined, even when its
 * words happen to occur in the document.
 */
final class Instructions {

    private static final Pattern COMMAND = Pattern.compile(
            "^\\W*(ignore|disregard|forget|override|reveal|print|output|repeat|pretend|role-?play|act as|you are now|"
                    + "from now on|system\\s*:|developer mode|jailbreak)\\b");

    private Instructions() {}

    /** True for a message that starts with such an order and asks no question. */
    static boolean commandsTheAssistant(String message) {
        String text = message.strip().toLowerCase(Locale.ROOT);
        return COMMAND.matcher(text).find() && !text.contains("?");
    }
}
