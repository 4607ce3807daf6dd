package dev.paracite.llm;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import dev.paracite.assistant.ModelUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One streamed model call, watched: tokens are passed on as they arrive, and the call fails when the
 * first token or any later one is more than {@code timeout} in coming. When the caller stops
 * listening (its consumer throws), the provider call is cancelled. A stream that ends without the
 * provider's finishing reason (a length stop, or no end marker) comes back marked incomplete.
 */
final class StreamCall {

    private record Done(ChatResponse response) {}

    /**
     * The streamed text, whether the model said it had finished (not cut by a length limit or the
     * connection), and the tokens the provider counted (null when it did not say).
     */
    record Reply(String text, boolean complete, TokenUsage usage) {}

    /** The listener failed (its client went away): not the provider's fault, never retried. */
    static final class Abandoned extends RuntimeException {
        Abandoned(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        RuntimeException reason() {
            return (RuntimeException) getCause();
        }
    }

    private StreamCall() {}

    /**
     * Streams one reply: {@code timeout} is the longest wait for the first token and between tokens,
     * {@code deadline} the moment the whole answer must be done by.
     */
    static Reply run(StreamingChatModel model, ChatRequest request, Duration timeout, Instant deadline, String provider,
                     Consumer<String> onText) {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handle.compareAndSet(null, context.streamingHandle());
                events.add(partial.text() == null ? "" : partial.text());
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                events.add(new Done(response));
            }

            @Override
            public void onError(Throwable error) {
                events.add(error);
            }
        });
        StringBuilder text = new StringBuilder();
        try {
            while (true) {
                long untilDeadline = Duration.between(Instant.now(), deadline).toMillis();
                Object event = events.poll(Math.max(0, Math.min(timeout.toMillis(), untilDeadline)), TimeUnit.MILLISECONDS);
                if (event == null && timeout.toMillis() > untilDeadline) {
                    throw new ModelUnavailableException(provider, 0, true, "The " + provider
                            + " model did not finish its answer in time.", null);
                }
                if (event == null) {
                    throw text.length() == 0
                            ? new ModelUnavailableException(provider, 0, true, "The " + provider
                                    + " model server did not answer in time.", null)
                            : new ModelUnavailableException(provider, 0, false, "The " + provider + " model stopped "
                                    + "sending in the middle of its answer (nothing for " + timeout.toSeconds() + " s).", null);
                }
                if (event instanceof String token) {
                    text.append(token);
                    try {
                        onText.accept(token);
                    } catch (RuntimeException listenerFailed) {
                        throw new Abandoned(listenerFailed);
                    }
                } else if (event instanceof Done done) {
                    if (text.length() == 0 && done.response().finishReason() == null
                            && (done.response().aiMessage() == null || done.response().aiMessage().text() == null)) {
                        // no choice at all: the same fault as the same reply to a call that is not streamed
                        throw Faults.unreadable(provider, null);
                    }
                    return new Reply(text.toString(), LlmAnswerModel.finished(done.response().finishReason(), true),
                            done.response().tokenUsage());
                } else if (event instanceof Throwable failure) {
                    throw text.length() == 0 ? Faults.of(provider, failure)
                            : new ModelUnavailableException(provider, Faults.status(failure), false, "The " + provider
                                    + " model's answer was cut off in the middle.", failure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(handle);
            throw new ModelUnavailableException(provider, 0, false, "The answer was interrupted.", e);
        } catch (RuntimeException e) {
            cancel(handle);
            throw e;
        }
    }

    private static void cancel(AtomicReference<StreamingHandle> handle) {
        StreamingHandle h = handle.get();
        if (h != null && !h.isCancelled()) {
            h.cancel();
        }
    }
}
