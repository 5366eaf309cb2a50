package dev.alcove.core.run.runner;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.Folders;
import dev.alcove.core.io.IoErrors;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a Java step once: its classes are kept under {@code target/alcove/java-steps/<key>/},
 * the key being the SHA-256 of the source and of its engine (the JDK and the class path by
 * content), so a changed source, JDK or jar compiles again and anything else reuses the classes. A
 * compile error names the file and line. The main class is the first top-level class of the file,
 * as for Java's source launcher.
 */
final class JavaStepCompiler {

  /** How many compile errors a failure shows. */
  private static final int ERRORS_SHOWN = 5;

  private static final String MAIN_CLASS_FILE = "main-class";

  /**
   * The class path the step ran with, beside its classes, so it can be run by hand: {@code java -cp
   * "$(cat classpath):." <main class> <inputs> <output>} in that folder.
   */
  private static final String CLASS_PATH_FILE = "classpath";

  /** The step's file, relative to the alcove: older compilations of it are dropped. */
  private static final String SOURCE_FILE = "source";

  /** The jar the step's classes are packed into: class-data sharing takes jars only. */
  private static final String JAR = "step.jar";

  /**
   * Classes ready to run: the folder they are kept in, the jar to put on the class path, and the
   * class to start.
   */
  record Compiled(Path folder, Path jar, String mainClass) {}

  private JavaStepCompiler() {}

  /** Empty where the JVM has no compiler (a JRE): the source launcher is then used. */
  static Optional<Compiled> compile(
      Path source,
      List<Path> classPath,
      String engine,
      Path cacheDir,
      Path alcoveRoot,
      dev.alcove.core.log.AlcoveLog log) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      return Optional.empty();
    }
    String shown = alcoveRoot.relativize(source).toString();
    byte[] text;
    try {
      text = Files.readAllBytes(source);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + shown, e);
    }
    String key =
        Sha256.ofString(Sha256.ofBytes(text).hex() + "\n" + engine + "\n" + source.getFileName())
            .hex();
    Path classes = cacheDir.resolve(key);
    Path mainClassFile = classes.resolve(MAIN_CLASS_FILE);
    try {
      if (Files.isRegularFile(mainClassFile)) {
        return Optional.of(
            new Compiled(classes, classes.resolve(JAR), Files.readString(mainClassFile).strip()));
      }
      Files.createDirectories(cacheDir);
      Path temp = cacheDir.resolve(".tmp-" + UUID.randomUUID());
      try {
        Files.createDirectories(temp);
        long start = System.nanoTime();
        Path compiledClasses = temp.resolve("classes");
        Files.createDirectories(compiledClasses);
        String mainClass = compileInto(compiler, source, shown, classPath, compiledClasses);
        packJar(compiledClasses, temp.resolve(JAR));
        Folders.delete(compiledClasses);
        AtomicFiles.writeString(
            temp.resolve(CLASS_PATH_FILE),
            classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))
                + "\n");
        AtomicFiles.writeString(temp.resolve(SOURCE_FILE), shown + "\n");
        AtomicFiles.writeString(temp.resolve(MAIN_CLASS_FILE), mainClass + "\n");
        log.info(
            String.format(
                Locale.ROOT,
                "compiled %s in %.1f s (kept in %s until it changes)",
                shown,
                (System.nanoTime() - start) / 1e9,
                alcoveRoot.relativize(classes)));
        try {
          Files.move(temp, classes, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException
            | java.nio.file.DirectoryNotEmptyException e) {
          // Another build compiled the same step at the same time: its classes are the same.
        }
        dropOlderCompilations(cacheDir, classes, shown);
        return Optional.of(new Compiled(classes, classes.resolve(JAR), mainClass));
      } finally {
        Folders.deleteQuietly(temp);
      }
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot keep the compiled classes of " + shown, e);
    }
  }

  private static String compileInto(
      JavaCompiler compiler, Path source, String shown, List<Path> classPath, Path output)
      throws IOException {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>();
      options.add("-d");
      options.add(output.toString());
      options.add("-proc:none");
      options.add("-implicit:none");
      if (!classPath.isEmpty()) {
        options.add("-cp");
        options.add(
            classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
      }
      String text = Files.readString(source, StandardCharsets.UTF_8);
      Optional<String> mainClass =
          firstClass(
              ((JavacTask)
                      compiler.getTask(
                          new StringWriter(),
                          files,
                          null,
                          options,
                          null,
                          List.of(named(text, "Step"))))
                  .parse());
      // Named after its first class, as the source launcher allows a public class in any file.
      String simpleName =
          mainClass.map(name -> name.substring(name.lastIndexOf('.') + 1)).orElse("Step");
      JavacTask task =
          (JavacTask)
              compiler.getTask(
                  new StringWriter(),
                  files,
                  diagnostics,
                  options,
                  null,
                  List.of(named(text, simpleName)));
      task.generate();
      List<String> errors =
          diagnostics.getDiagnostics().stream()
              .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
              .map(d -> shown + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
              .toList();
      if (!errors.isEmpty()) {
        throw new StepFailedException(
            String.join("\n", errors.subList(0, Math.min(ERRORS_SHOWN, errors.size())))
                + (errors.size() > ERRORS_SHOWN
                    ? "\n(" + (errors.size() - ERRORS_SHOWN) + " more errors)"
                    : ""));
      }
      return mainClass.orElseThrow(
          () -> new StepFailedException(shown + " declares no class: a Java step needs one"));
    }
  }

  /**
   * Deletes the folders of earlier versions of the step: runs hold the alcove's lock, so none is in
   * use.
   */
  private static void dropOlderCompilations(Path cacheDir, Path current, String shown)
      throws IOException {
    try (java.util.stream.Stream<Path> folders = Files.list(cacheDir)) {
      for (Path folder : folders.toList()) {
        Path source = folder.resolve(SOURCE_FILE);
        if (!folder.equals(current)
            && Files.isRegularFile(source)
            && Files.readString(source).strip().equals(shown)) {
          Folders.deleteQuietly(folder);
        }
      }
    }
  }

  /**
   * Packs the compiled classes into a jar, entries sorted and undated, so it is the same each time.
   */
  private static void packJar(Path classes, Path jar) throws IOException {
    List<Path> files;
    try (java.util.stream.Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (java.util.jar.JarOutputStream out =
        new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      for (Path file : files) {
        java.util.jar.JarEntry entry =
            new java.util.jar.JarEntry(classes.relativize(file).toString().replace('\\', '/'));
        entry.setTime(0);
        out.putNextEntry(entry);
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }

  private static JavaFileObject named(String text, String simpleName) {
    return new SimpleJavaFileObject(
        java.net.URI.create("string:///" + simpleName + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  /** The first top-level class of the file, with its package, as the source launcher runs it. */
  private static Optional<String> firstClass(Iterable<? extends CompilationUnitTree> units) {
    for (CompilationUnitTree unit : units) {
      String prefix = unit.getPackageName() == null ? "" : unit.getPackageName().toString() + ".";
      for (Tree type : unit.getTypeDecls()) {
        if (type instanceof ClassTree declared) {
          return Optional.of(prefix + declared.getSimpleName());
        }
      }
    }
    return Optional.empty();
  }
}
