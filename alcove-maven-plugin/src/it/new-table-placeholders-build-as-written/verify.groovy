// What new-table writes must build as written: SQL with and without an input, and Java.
def log = new File(basedir, 'run.log').text
assert log.contains('BUILD SUCCESS') : log
['from-people', 'standalone', 'in-java'].each {
  assert log.contains("built table://${it}/latest") : "placeholder ${it} did not build"
  assert new File(basedir, "data/tables/${it}/latest.parquet").length() > 0
}
assert log.contains('built table://from-people/latest: 3 rows, 2 columns')
true
