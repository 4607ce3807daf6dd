package dev.paracite.eval;

/** Number formatting shared by the reports. */
final class Format {

    private Format() {}

    static String number(Double value) {
        if (value == null) {
            return "—";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? String.valueOf(value.longValue())
                : String.format("%.3f", value);
    }

    static String number(double value) {
        return number(Double.valueOf(value));
    }
}
