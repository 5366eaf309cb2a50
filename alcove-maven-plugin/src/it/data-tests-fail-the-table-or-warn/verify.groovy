import groovy.json.JsonSlurper

def first = new File(basedir, 'first.log').text
// a warning builds the table and says what is wrong
assert first.contains("[WARNING] table://summary/latest: data test warning: accepted_values: column 'dim_region' has 1 values not in its list: 'as' (1 row)") : first
assert first.contains('built table://summary/latest: 2 rows')
// an error fails the table, names the rule and an offending row, and keeps nothing
assert first.contains("table://independent/latest failed: its output fails its config src/steps/tables/independent.meta.yaml: expressions: 'answer = 41' is false for 1 rows: {answer: 42}") : first
assert !new File(basedir, 'data/tables/independent').exists()
assert first.contains('1 step failed: table://independent/latest')
assert !first.contains('\tat dev.alcove')
// audit runs the tests again against the built tables, and its JSON says so
def audit = new JsonSlurper().parse(new File(basedir, 'audit.json'))
assert audit.findings.any { it.subject == 'table://summary/latest' && it.severity == 'warning' && it.message.startsWith('data test: accepted_values') }
true
