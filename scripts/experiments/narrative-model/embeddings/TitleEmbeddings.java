import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes the all-MiniLM-L6-v2 (quantised) sentence embedding of every claim title of an EUvsDisinfo
 * case CSV, in row order, as big-endian int count, then per row int dimension and that many floats.
 */
public final class TitleEmbeddings {
    public static void main(String[] args) throws Exception {
        var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        var rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(Path.of(args[0]))).getRecords();
        long start = System.nanoTime();
        try (var out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(args[1])))) {
            out.writeInt(rows.size());
            for (var row : rows) {
                float[] vector = model.embed(row.get("title")).content().vector();
                out.writeInt(vector.length);
                for (float value : vector) {
                    out.writeFloat(value);
                }
            }
        }
        System.err.printf("%d titles embedded in %.1f s%n", rows.size(), (System.nanoTime() - start) / 1e9);
    }
}
