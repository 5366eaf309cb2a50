def log = { name -> new File(basedir, name).text }
assert log('laptop.log').contains('tables: 1 table built')

// The table comes from the table cache; the snapshot it was built from never leaves the store
// (here the store does not even hold it).
def outputs = log('ci-outputs.log')
assert outputs.contains('tables: 1 restored from the table cache') : outputs
assert outputs.contains('left in the store: 1 snapshot') : outputs
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

assert log('bad.log').contains('-Dalcove.download=everything is not one of all, outputs, minimal')

// Minimal: the table's metadata comes from the cache, its data stays in the store until read.
def minimal = log('lean-minimal.log')
assert minimal.contains('tables: 1 restored from the table cache as metadata only, data in the store') : minimal
assert new File(basedir, 'lean/data/tables/summary/latest.meta.yaml').exists()
// (the db goal below fetches its data: until then the list and the no-op run say where it is)
def leanNoop = log('lean-noop.log')
assert leanNoop =~ /all 2 steps are up to date: nothing to do \(checked in [0-9.]+ s; 1 snapshot and 1 table left in the store\)/ : leanNoop
assert log('lean-list.log').contains('data/tables/summary/latest.parquet (in the store)')

// A query on it fetches it, verified, and answers.
assert log('lean-db.log').contains('fetching table://summary/latest from the store (')
assert new File(basedir, 'lean/data/tables/summary/latest.parquet').bytes == new File(basedir, 'laptop/data/tables/summary/latest.parquet').bytes
assert new File(basedir, 'lean-summary.csv').text == 'dim_region,people\nas,7\neu,15\n' : new File(basedir, 'lean-summary.csv').text
true
