package org.narrativewatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The value of an option that names a file to read ({@code --entities}, {@code --boilerplate},
 * {@code --gold}). A folder is refused as the command line is read, as a usage error that names
 * the option and the path: reading it later fails with the system's bare "Is a directory", which
 * says neither, so a command line with several such options left the user guessing.
 */
final class FileToRead implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        Path path = Main.path(value);
        if (Files.isDirectory(path)) {
            throw new CommandLine.TypeConversionException(value + " is a folder, not a file");
        }
        return path;
    }
}
