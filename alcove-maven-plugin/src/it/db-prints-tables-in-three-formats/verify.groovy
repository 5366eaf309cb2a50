def table = new File(basedir, 'table.log').text.readLines()
assert table.take(5) == ['dim_region | people', '-----------+-------', 'as         |      7', 'eu         |     15', '(2 rows)'] : table
assert new File(basedir, 'csv.log').text.readLines() == ['dim_region,people', 'as,7', 'eu,15']
assert new File(basedir, 'target/top.json').text == '[\n  {"dim_region": "eu", "people": 15}\n]\n'
def views = new File(basedir, 'views.log').text
['independent ', 'independent_latest', 'summary ', 'summary_latest', 'top ', 'top_latest'].each { assert views.contains(it) : it }
def error = dev.alcove.maven.it.BuildLog.failure(new File(basedir, 'error.log'))
// A bare name that is no table says so, rather than DuckDB's "syntax error at or near".
assert error.contains("no table is named 'nonsense' (mvn alcove:db without a query lists them all)") : error
def nearest = dev.alcove.maven.it.BuildLog.failure(new File(basedir, 'nearest.log'))
assert nearest.contains("no table is named 'sumary'; the nearest are summary") : nearest
true
