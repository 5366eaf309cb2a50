def log = { name -> new File(basedir, name).text }

def dry = log('dry.log')
assert dry.contains('plan: table://summary/latest: build (output missing) on Spark') : dry

def run = log('run.log')
assert run.contains('building table://summary/latest (output missing) on Spark from src/steps/tables/summary.sql') : run
assert run.contains('Spark wrote table://summary/latest: 2 rows, 2 columns') : run
assert run.contains('tables: 2 tables built') : run
assert new File(basedir, 'alcove/target/alcove/manifest.tsv').text =~ /table:\/\/summary\/latest\t[0-9a-f]{64}\t[0-9a-f]{64}\tspark 4\./

assert log('noop.log').contains('nothing to do')
assert new File(basedir, 'top.csv').text == 'dim_region,people\neu,15\n' : new File(basedir, 'top.csv').text
true
