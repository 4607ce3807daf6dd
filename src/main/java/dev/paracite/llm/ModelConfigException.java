package dev.paracite.llm;

/** Model settings that cannot work (no key where one is needed, an unknown provider); one sentence. */
public final class ModelConfigException extends RuntimeException {

    public ModelConfigException(String message) {
        super(message);
    }
}
