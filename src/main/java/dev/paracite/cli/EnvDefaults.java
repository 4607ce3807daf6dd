package dev.paracite.cli;

import java.lang.reflect.AnnotatedElement;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Option defaults from the environment: an option marked {@link Env} takes its variable's value when the
 * variable is set and not blank, otherwise the default written on the option.
 */
record EnvDefaults(Map<String, String> env) implements IDefaultValueProvider {

    EnvDefaults {
        env = Map.copyOf(env);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        String variable = variable(arg);
        String value = variable == null ? null : env.get(variable);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The variable an option reads, or null when it has none. */
    static String variable(ArgSpec arg) {
        Env env = arg.userObject() instanceof AnnotatedElement e ? e.getAnnotation(Env.class) : null;
        return env == null ? null : env.value();
    }
}
