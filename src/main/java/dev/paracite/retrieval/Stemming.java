package dev.paracite.retrieval;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;

/** The stemmers compared when choosing the analyzer (see {@link RetrievalSettings#DEFAULT}). */
public enum Stemming {
    PORTER, KSTEM, MINIMAL, NONE;

    TokenStream apply(TokenStream in) {
        return switch (this) {
            case PORTER -> new PorterStemFilter(in);
            case KSTEM -> new KStemFilter(in);
            case MINIMAL -> new EnglishMinimalStemFilter(in);
            case NONE -> in;
        };
    }
}
