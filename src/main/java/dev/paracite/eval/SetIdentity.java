package dev.paracite.eval;

import dev.paracite.corpus.Paragraph;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What an evaluation asked: a SHA-256 over every document's paragraphs and every question with its gold
 * labels and facts, so that thresholds follow the content of a set, not the name of its file or folder.
 * Renaming a set keeps its thresholds; changing a question or a paragraph needs new ones.
 */
public final class SetIdentity {

    private SetIdentity() {}

    /** The first 16 hex digits of the digest. */
    public static String of(List<EvalCase> cases) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (EvalCase c : cases) {
                update(sha, "document", c.document().name());
                for (Paragraph p : c.document().paragraphs()) {
                    update(sha, p.label(), p.section(), p.text());
                }
                for (EvalQuestion q : c.questions()) {
                    update(sha, "question", q.id(), q.question(), String.valueOf(q.answerable()), q.gold().toString(),
                            q.acceptable().toString(), q.facts().toString(), q.history().toString());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void update(MessageDigest sha, String... parts) {
        for (String part : parts) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
    }
}
