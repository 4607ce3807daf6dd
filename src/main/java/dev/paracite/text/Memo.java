package dev.paracite.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a function gave for texts read again and again (a document's paragraphs and
 * sentences, question after question), up to a bound: when full it starts over, which costs one
 * recomputation per text and never holds more than {@code capacity} entries. Safe for many threads;
 * two threads may compute the same value once each.
 */
public final class Memo<K, V> {

    private final int capacity;
    private final Function<K, V> compute;
    private final Map<K, V> known = new ConcurrentHashMap<>();

    public Memo(int capacity, Function<K, V> compute) {
        this.capacity = capacity;
        this.compute = compute;
    }

    public V get(K key) {
        V value = known.get(key);
        if (value != null) {
            return value;
        }
        value = compute.apply(key);
        if (known.size() >= capacity) {
            known.clear();
        }
        known.put(key, value);
        return value;
    }
}
