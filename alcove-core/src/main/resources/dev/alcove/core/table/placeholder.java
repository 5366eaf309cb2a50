import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;

/**
 * ${uri}
 *
 * <p>alcove compiles and runs this program with the path of each input, then the path of the
 * Parquet file it must write. The class path holds the project's dependencies and parquet-avro.
 *
 * <p>Inputs, in order:
 *
 * <pre>
${inputs}
 * </pre>
 */
class ${class} {
  public static void main(String[] args) throws Exception {
    Path output = Path.of(args[args.length - 1]);
    Schema schema =
        SchemaBuilder.record("row")
            .fields()
            .requiredLong("dim_example")
            .requiredString("value")
            .endRecord();
    try (ParquetWriter<GenericRecord> writer =
        AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(output))
            .withSchema(schema)
            .build()) {
      GenericRecord row = new GenericData.Record(schema);
      row.put("dim_example", 1L);
      row.put("value", "replace me");
      writer.write(row);
    }
  }
}
