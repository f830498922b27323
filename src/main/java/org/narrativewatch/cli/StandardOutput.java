package org.narrativewatch.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard output as a stream of bytes whose failed write is an error, as a file's is. System.out,
 * a PrintStream, only notes a write that failed (a full disk, a pipe whose reader has gone) and goes
 * on, so what a command streams there would be lost with exit code 0. Closing this stream flushes
 * it and leaves standard output open for whoever else writes to it.
 */
final class StandardOutput extends OutputStream {
    /** The reason for a failed write: a PrintStream keeps only that one failed, not why. */
    static final String WRITE_FAILED = "cannot write to standard output";

    private final PrintStream stdout;

    StandardOutput(PrintStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public void write(int b) throws IOException {
        stdout.write(b);
        failIfWriteFailed();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        stdout.write(bytes, offset, length);
        failIfWriteFailed();
    }

    @Override
    public void flush() throws IOException {
        failIfWriteFailed(); // checkError() flushes
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private void failIfWriteFailed() throws IOException {
        if (stdout.checkError()) {
            throw new IOException(WRITE_FAILED);
        }
    }
}
