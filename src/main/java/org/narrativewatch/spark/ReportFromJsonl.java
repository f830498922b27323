package org.narrativewatch.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.narrativewatch.report.ReportJob;

/**
 * The command line's reports (aggregates, CSV, Elasticsearch bulk files, HTML) built by the same
 * {@link ReportJob} on the driver, from the job's JSON Lines output streamed one record at a time
 * (the job writes it sorted by record file name, the order the command line reports in). The
 * report is built in a local folder and then copied to {@code OUT/report/}; the previous run's
 * "what is new" state and bulk files there are carried over, so that this run's bulk files delete
 * the documents it no longer has, as the command line's do.
 */
final class ReportFromJsonl {
    private static final JsonFactory JSON = new JsonFactory();

    private ReportFromJsonl() {
    }

    static ReportJob.Result write(Path jsonl, Path report, Configuration hadoop) throws IOException {
        FileSystem fs = jsonl.getFileSystem(hadoop);
        FileStatus[] parts = fs.listStatus(jsonl, p -> p.getName().startsWith("part-"));
        Arrays.sort(parts, Comparator.comparing(p -> p.getPath().getName()));
        java.nio.file.Path local = Files.createTempDirectory("narrative-watch-report");
        try {
            FileSystem reportFs = report.getFileSystem(hadoop);
            List<Path> carried = new ArrayList<>();
            Path state = new Path(report, ReportJob.AGGREGATES_DIR + "/" + ReportJob.STATE_JSON);
            if (reportFs.exists(state)) {
                carried.add(state);
            }
            FileStatus[] bulkParts = reportFs.globStatus(new Path(report, ReportJob.ELASTICSEARCH_DIR + "/"
                    + ReportJob.BULK_PART_GLOB));
            if (bulkParts != null) {
                Arrays.stream(bulkParts).map(FileStatus::getPath).forEach(carried::add);
            }
            for (Path file : carried) {
                java.nio.file.Path localFile = local.resolve(file.getParent().getName()).resolve(file.getName());
                Files.createDirectories(localFile.getParent());
                reportFs.copyToLocalFile(false, file, new Path(localFile.toUri()), true);
            }
            ReportJob.Result result;
            try {
                result = new ReportJob(ReportJob.Options.DEFAULTS, System.err)
                        .run(() -> new Records(fs, parts), jsonl.toString(), local);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            reportFs.delete(report, true);
            reportFs.copyFromLocalFile(false, true, new Path(local.toUri()), report);
            return result;
        } finally {
            FileUtil.fullyDelete(local.toFile());
        }
    }

    /** The records of the part files in order, one line at a time. */
    private static final class Records implements Iterator<ReportJob.Record> {
        private final FileSystem fs;
        private final FileStatus[] parts;
        private int part = -1;
        private long lineNo;
        private BufferedReader lines;
        private String next;

        Records(FileSystem fs, FileStatus[] parts) {
            this.fs = fs;
            this.parts = parts;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null) {
                    if (lines != null) {
                        next = lines.readLine();
                        lineNo++;
                        if (next != null) {
                            break;
                        }
                        lines.close();
                    }
                    if (++part >= parts.length) {
                        return false;
                    }
                    lines = new BufferedReader(new InputStreamReader(fs.open(parts[part].getPath()), StandardCharsets.UTF_8));
                    lineNo = 0;
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public ReportJob.Record next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            byte[] json = next.getBytes(StandardCharsets.UTF_8);
            String location = parts[part].getPath() + ":" + lineNo;
            next = null;
            String name = idOf(json, location) + ".json";
            return new ReportJob.Record() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public String location() {
                    return location;
                }

                @Override
                public byte[] read() {
                    return json;
                }
            };
        }

        /** The record's id, the second field of every record the job wrote. */
        private static String idOf(byte[] json, String location) {
            try (JsonParser p = JSON.createParser(json)) {
                while (p.nextToken() != null) {
                    if (p.currentToken() == JsonToken.FIELD_NAME && "id".equals(p.currentName())
                            && p.getParsingContext().getParent().inRoot()) {
                        p.nextToken();
                        return p.getText();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(location + ": not a record the job wrote", e);
            }
            throw new IllegalStateException(location + ": record without an id");
        }
    }
}
