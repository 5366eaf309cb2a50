package dev.alcove.spark;

import dev.alcove.core.spark.WireFormat;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * The Spark worker: a JVM of its own that holds one Spark Connect session and answers alcove's
 * requests, one line each way on standard input and output ({@link WireFormat}). Everything else
 * the client prints goes to standard error, which alcove keeps in a log file.
 */
public final class SparkWorker {

  private final SparkSession spark;

  private SparkWorker(SparkSession spark) {
    this.spark = spark;
  }

  public static void main(String[] args) throws Exception {
    PrintStream replies =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    BufferedReader requests =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    SparkWorker worker = null;
    String line;
    while ((line = requests.readLine()) != null) {
      List<String> request = WireFormat.decode(line);
      if (request.get(0).equals("close")) {
        break;
      }
      List<String> reply = new ArrayList<>(List.of("ok"));
      try {
        if (request.get(0).equals("connect")) {
          SparkSession session = SparkSession.builder().remote(request.get(1)).getOrCreate();
          worker = new SparkWorker(session);
          reply.add(session.version());
        } else if (worker == null) {
          throw new IllegalStateException("not connected");
        } else {
          reply.addAll(worker.answer(request));
        }
      } catch (Exception | LinkageError e) {
        e.printStackTrace();
        reply = List.of("error", firstLine(e));
      }
      replies.println(WireFormat.encode(reply));
    }
    if (worker != null) {
      worker.spark.close();
    }
    System.exit(0);
  }

  private List<String> answer(List<String> request) {
    return switch (request.get(0)) {
      case "view" -> view(request);
      case "configure" -> {
        for (int i = 1; i + 1 < request.size(); i += 2) {
          spark.conf().set(request.get(i), request.get(i + 1));
        }
        yield List.of();
      }
      case "execute" -> {
        spark.sql(request.get(1)).collectAsList();
        yield List.of();
      }
      case "write" -> write(request.get(1), request.get(2));
      case "count" -> List.of(String.valueOf(spark.sql(request.get(1)).first().getLong(0)));
      case "rows" -> rows(request.get(1), Integer.parseInt(request.get(2)));
      default -> throw new IllegalArgumentException("unknown request " + request.get(0));
    };
  }

  /** {@code view name format count location... [option value]...} */
  private List<String> view(List<String> request) {
    int count = Integer.parseInt(request.get(3));
    String[] locations = request.subList(4, 4 + count).toArray(String[]::new);
    Map<String, String> options = new TreeMap<>();
    for (int i = 4 + count; i + 1 < request.size(); i += 2) {
      options.put(request.get(i), request.get(i + 1));
    }
    String format = request.get(2);
    // Spark reads a path given twice once; a folder holding one file twice holds its rows twice.
    List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(List.of(locations)));
    Dataset<Row> data = read(spark.read().options(options), format, distinct);
    List<String> again = new ArrayList<>(List.of(locations));
    distinct.forEach(again::remove);
    for (String location : again) {
      data =
          data.union(
              read(spark.read().options(options).schema(data.schema()), format, List.of(location)));
    }
    data.createOrReplaceTempView(request.get(1));
    return List.of();
  }

  private static Dataset<Row> read(DataFrameReader reader, String format, List<String> locations) {
    String[] paths = locations.toArray(String[]::new);
    return switch (format) {
      case "csv" -> reader.csv(paths);
      case "parquet" -> reader.parquet(paths);
      default -> throw new IllegalArgumentException("unknown format " + format);
    };
  }

  /** One Parquet file: the query's rows in one partition, then its row count and schema. */
  private List<String> write(String query, String location) {
    Dataset<Row> result = spark.sql(query);
    result.coalesce(1).write().parquet(location);
    List<String> reply = new ArrayList<>();
    reply.add(String.valueOf(spark.read().parquet(location).count()));
    for (StructField field : result.schema().fields()) {
      reply.add(field.name());
      reply.add(field.dataType().sql());
    }
    return reply;
  }

  /** {@code columns, name..., value...} row by row, values as text. */
  private List<String> rows(String query, int limit) {
    Dataset<Row> result = spark.sql(query);
    StructField[] fields = result.schema().fields();
    List<String> reply = new ArrayList<>();
    reply.add(String.valueOf(fields.length));
    for (StructField field : fields) {
      reply.add(field.name());
    }
    for (Row row : result.limit(limit).collectAsList()) {
      for (int i = 0; i < fields.length; i++) {
        reply.add(row.isNullAt(i) ? null : String.valueOf(row.get(i)));
      }
    }
    return reply;
  }

  /** Spark's message without its SQL state's noise: the first line says what is wrong. */
  private static String firstLine(Throwable error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      message = error.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}
