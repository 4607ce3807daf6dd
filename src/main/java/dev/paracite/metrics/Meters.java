package dev.paracite.metrics;

import java.util.Map;
import java.util.function.Function;

/** Meters made once and then looked up on every request or answer. */
final class Meters {

    private Meters() {}

    /** The value for {@code key}, made by {@code make} the first time; a read without locking after that. */
    static <K, V> V cached(Map<K, V> map, K key, Function<K, V> make) {
        V value = map.get(key);
        return value != null ? value : map.computeIfAbsent(key, make);
    }
}
