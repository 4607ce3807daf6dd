package dev.paracite.cli;

import java.util.Arrays;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IOptionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The generated help, with each option's default and environment variable under its description. */
final class HelpText extends Help {

    static final String EXIT_CODES = """
            %nExit codes: 0 answered (or server stopped with every answer finished, or eval met its \
            thresholds), 3 not in the document, 2 bad input (question, option, document, eval set, \
            model settings or library), 1 the server could not start or had to end answers at shutdown, 4 eval \
            missed a threshold, 5 the language model or the index was unavailable.""";

    HelpText(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    @Override
    public IOptionRenderer createDefaultOptionRenderer() {
        IOptionRenderer plain = super.createDefaultOptionRenderer();
        return (option, labels, scheme) -> withSource(plain.render(option, labels, scheme), option, scheme);
    }

    /** The rows of an option with one more saying its default and variable, when it has either. */
    private static Text[][] withSource(Text[][] rows, OptionSpec option, ColorScheme scheme) {
        String variable = EnvDefaults.variable(option);
        String source = (option.defaultValue() == null ? "" : "default " + option.defaultValue())
                + (option.defaultValue() != null && variable != null ? "; " : "")
                + (variable == null ? "" : "env " + variable);
        if (source.isEmpty() || option.usageHelp()) {
            return rows;
        }
        Text[] row = new Text[rows[0].length];
        Arrays.fill(row, scheme.text(""));
        row[row.length - 1] = scheme.text("(" + source + ")");
        Text[][] all = Arrays.copyOf(rows, rows.length + 1);
        all[rows.length] = row;
        return all;
    }
}
