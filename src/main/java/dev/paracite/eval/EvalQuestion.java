package dev.paracite.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One evaluation question with its gold paragraph labels; the schema is documented in eval/README.md. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalQuestion(String id, String question, List<String> gold, List<String> acceptable,
                           boolean answerable, String kind) {

    public EvalQuestion {
        gold = gold == null ? List.of() : List.copyOf(gold);
        acceptable = acceptable == null ? List.of() : List.copyOf(acceptable);
    }
}
