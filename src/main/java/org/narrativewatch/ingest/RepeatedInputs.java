package org.narrativewatch.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.narrativewatch.output.TerminalText;

/**
 * Reads every input once, for {@code analyze} and the Spark job alike: an input that is the same
 * file or folder as one named before it (under any name: ./corpus, a link) or that lies in a
 * folder also named is left out. Read twice, its articles would be counted twice and, under other
 * ids, written twice.
 */
public final class RepeatedInputs {
    private RepeatedInputs() {
    }

    /**
     * The inputs without their repeats; {@code leftOut} gets "INPUT: why; read once" for each one left out,
     * ready for the terminal (input names are file names, which may hold control characters).
     *
     * @param local   the file or folder an input names on this machine, or null for none (standard
     *                input, or a Spark input on another file system), which is never a repeat
     * @param skipped entry names a folder walk passes over besides the hidden ones (see {@link Ingest#listFolder})
     */
    public static List<String> withoutRepeats(List<String> inputs, Function<String, Path> local,
                                              Predicate<String> skipped, Consumer<String> leftOut) {
        List<Path> real = inputs.stream().map(local).map(p -> p == null ? null : Ingest.realPath(p)).toList();
        List<String> once = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String repeat = repeatOf(i, inputs, real, skipped);
            if (repeat == null) {
                once.add(inputs.get(i));
            } else {
                leftOut.accept(TerminalText.printable(inputs.get(i) + ": " + repeat + "; read once"));
            }
        }
        return once;
    }

    /** How input {@code i} (real paths in {@code real}, null for none) is read as another INPUT, or null. */
    private static String repeatOf(int i, List<String> inputs, List<Path> real, Predicate<String> skipped) {
        Path mine = real.get(i);
        if (mine == null) {
            return null;
        }
        for (int j = 0; j < inputs.size(); j++) {
            Path other = real.get(j);
            if (other != null && !other.equals(mine) && mine.startsWith(other) && readInFolder(other, mine, skipped)) {
                return "inside the folder " + inputs.get(j) + ", which is also an INPUT";
            }
        }
        for (int j = 0; j < i; j++) {
            if (mine.equals(real.get(j))) {
                return "the same as the INPUT " + inputs.get(j) + " before it";
            }
        }
        return null;
    }

    /**
     * Whether reading the folder {@code folder} reads {@code inside}, a path below it: a folder
     * skips what is hidden (or else skipped) and the output folders of runs, and reads only regular
     * files, while a hidden file, a FIFO or a file in a run's output named itself is read.
     */
    private static boolean readInFolder(Path folder, Path inside, Predicate<String> skipped) {
        Path below = folder;
        for (Path part : folder.relativize(inside)) {
            below = below.resolve(part);
            String name = part.toString();
            if (Ingest.isHidden(name) || skipped.test(name) || Files.isDirectory(below) && Ingest.isRunOutput(below)) {
                return false;
            }
        }
        return Files.isDirectory(inside) || Files.isRegularFile(inside);
    }
}
