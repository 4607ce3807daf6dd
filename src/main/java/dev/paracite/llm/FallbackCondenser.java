package dev.paracite.llm;

import dev.paracite.assistant.Call;
import dev.paracite.assistant.Condenser;
import dev.paracite.assistant.FollowUp;
import dev.paracite.assistant.ModelUnavailableException;
import dev.paracite.assistant.Turn;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** With {@code --fallback extractive}: condenses without the language model when it is unavailable. */
final class FallbackCondenser implements Condenser {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackCondenser.class);

    private final Condenser primary;

    FallbackCondenser(Condenser primary) {
        this.primary = primary;
    }

    @Override
    public String standalone(String question, List<Turn> history) {
        return standalone(question, history, Call.start());
    }

    @Override
    public String standalone(String question, List<Turn> history, Call call) {
        try {
            return primary.standalone(question, history, call);
        } catch (ModelUnavailableException e) {
            if (call.cancelled()) {
                throw e;
            }
            LOG.warn("condensing the follow-up without the model: {}", e.getMessage());
            return FollowUp.INSTANCE.standalone(question, history);
        }
    }
}
