def table = new File(basedir, 'table.log').text.readLines()
assert table.take(5) == ['dim_region | people', '-----------+-------', 'as         |      7', 'eu         |     15', '(2 rows)'] : table
assert new File(basedir, 'csv.log').text.readLines() == ['dim_region,people', 'as,7', 'eu,15']
assert new File(basedir, 'target/top.json').text == '[\n  {"dim_region": "eu", "people": 15}\n]\n'
def views = new File(basedir, 'views.log').text
['independent ', 'independent_latest', 'summary ', 'summary_latest', 'top ', 'top_latest'].each { assert views.contains(it) : it }
def error = dev.alcove.maven.it.BuildLog.failure(new File(basedir, 'error.log'))
assert error.contains('SQL error: Parser Error') : error
true
