import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

/**
 * A Java step: the population growth of each region per decade, in percent. alcove passes the
 * path of table://population/by-region/latest, then the Parquet file to write.
 */
class GrowthStep {
  public static void main(String[] args) throws Exception {
    Map<String, Map<Integer, Long>> byRegion = new TreeMap<>();
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(new LocalInputFile(Path.of(args[0]))).build()) {
      GenericRecord row;
      while ((row = reader.read()) != null) {
        int year = ((Number) row.get("dim_year")).intValue();
        if (year % 10 == 0) {
          byRegion
              .computeIfAbsent(row.get("dim_region").toString(), r -> new TreeMap<>())
              .put(year, ((Number) row.get("population")).longValue());
        }
      }
    }
    Schema schema =
        SchemaBuilder.record("growth")
            .fields()
            .requiredString("dim_region")
            .requiredInt("dim_decade")
            .requiredDouble("growth_percent")
            .endRecord();
    List<GenericRecord> rows = new ArrayList<>();
    byRegion.forEach(
        (region, years) -> {
          Integer previous = null;
          for (int year : years.keySet()) {
            if (previous != null) {
              GenericRecord out = new GenericData.Record(schema);
              out.put("dim_region", region);
              out.put("dim_decade", year);
              out.put("growth_percent", 100.0 * (years.get(year) - years.get(previous)) / years.get(previous));
              rows.add(out);
            }
            previous = year;
          }
        });
    try (ParquetWriter<GenericRecord> writer =
        AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(Path.of(args[1])))
            .withSchema(schema)
            .build()) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    }
    System.out.println("wrote " + rows.size() + " region-decades");
  }
}
