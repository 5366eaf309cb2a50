def log = { name -> new File(basedir, name).text }
assert log('laptop.log').contains('tables: 1 table built')

// The table comes from the table cache; the snapshot it was built from never leaves the store
// (here the store does not even hold it).
def outputs = log('ci-outputs.log')
assert outputs.contains('tables: 1 restored from the table cache') : outputs
assert outputs.contains('snapshots: 1 left in the store') : outputs
assert !outputs.contains('fetching ')
assert new File(basedir, 'ci/data/tables/summary/latest.parquet').bytes == new File(basedir, 'laptop/data/tables/summary/latest.parquet').bytes
assert !new File(basedir, 'ci/data/snapshots/people/2024-07-26.csv').exists()

def noop = log('ci-noop.log')
assert noop =~ /all 2 steps are up to date: nothing to do \(checked in [0-9.]+ s; 1 snapshot left in the store\)/ : noop

// The list says which data is on this machine.
def steps = new groovy.json.JsonSlurper().parse(new File(basedir, 'list.json')).steps
assert steps.find { it.uri == 'snapshot://people/2024-07-26' }.local == false
assert steps.find { it.uri == 'table://summary/latest' }.local == true

// Every byte, the default: the snapshot must come down, and the store lacks it.
def all = log('ci-all.log')
assert all.contains('snapshot://people/2024-07-26') && all.contains('not in local store') : all

assert log('bad.log').contains('-Dalcove.download=everything is not one of all, outputs')
true
