package dev.paracite.assistant;

/**
 * What the answering pipeline and the model providers report as they work, for an operator's metrics:
 * each answer from start to end, and each try of a model call. The composition root supplies an
 * implementation over a metrics library; {@link #NONE} records nothing (tests, the command line).
 */
public interface AnswerMetrics {

    AnswerMetrics NONE = new AnswerMetrics() {};

    /** How an answer ended without a response: the model failed, nobody waited any more, or a fault of ours. */
    String MODEL_UNAVAILABLE = "model_unavailable";
    String ABANDONED = "abandoned";
    String ERROR = "error";

    /** An answer began; it ends with exactly one {@link #answered} or {@link #failed}. */
    default void started() {
    }

    /** An answer ended with {@code response}: its outcome, what the check dropped, how long retrieval took. */
    default void answered(Response response) {
    }

    /** An answer ended without a response, {@code outcome} saying how ({@link #MODEL_UNAVAILABLE}, ...). */
    default void failed(String outcome) {
    }

    /** One try of a call to {@code provider} ended after {@code nanos}: {@code result} is "ok" or the fault's kind. */
    default void modelCall(String provider, String result, long nanos) {
    }

    /** A failed call to {@code provider} is being tried again. */
    default void retried(String provider) {
    }

    /** The tokens {@code provider} reported for one call: sent (the prompt) and received (the reply). */
    default void tokens(String provider, long input, long output) {
    }
}
