package dev.paracite.grounding;

/** A reason to reject a statement whatever its word overlap; each is measured in eval/README.md. */
public enum Rule {
    /** Every number the statement states is in its passage. */
    NUMBERS,
    /** Every name the statement names is in the paragraph. */
    NAMES,
    /** What the statement denies the passage denies too, and the other way round. */
    NEGATION,
    /** "all", "always", "only" and the like in the statement are in the passage too. */
    QUANTIFIERS,
    /** Names and rare words the statement shares with its passage come in the same order (or one is passive). */
    ORDER,
    /** A statement copying its passage nearly word for word does not end with words of its own where the passage has others. */
    SWAP
}
