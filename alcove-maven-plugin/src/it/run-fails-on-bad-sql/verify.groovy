def log = new File(basedir, 'build.log').text
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains('1 step failed: table://summary/latest: src/steps/tables/summary.sql:3: Parser Error') : error
// DuckDB's quoted line keeps its own line, numbered as in the file, and the skipped step follows.
assert log.contains('[ERROR] line 3:   FROM WHERE') : log
assert log.contains('not run because of it: table://top/latest')
assert !log.contains('\tat dev.alcove')
['parquet', 'meta.yaml'].each {
  assert new File(basedir, "data/tables/summary/latest.${it}").bytes == new File(basedir, "summary.${it}.before").bytes : "previous ${it} changed"
}
assert new File(basedir, 'data/tables/independent/latest.parquet').exists() : 'the independent step did not run'
assert new File(basedir, 'data/tables/summary').list().every { !it.contains('.tmp-') }
true
