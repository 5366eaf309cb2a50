def first = new File(basedir, 'first.log').text
assert first.contains(':run (default) @ run-builds-then-has-nothing-to-do')
assert first.contains('snapshot://people/2024-07-26: restore (data missing)')
assert first.contains('table://summary/latest: build (output missing)')
assert first.contains('table://top/latest: build unless unchanged or cached (upstream table://summary/latest rebuilt)')
assert first.contains('tables: 3 tables built')
assert first.contains('built table://summary/latest: 2 rows, 2 columns')
assert new File(basedir, 'data/tables/top/latest.parquet').length() > 0
def meta = new File(basedir, 'data/tables/summary/latest.meta.yaml').text
assert meta.contains('license: CC0-1.0') && meta.contains('status: success') && meta.contains('src/steps/tables/summary.sql: ')
def second = new File(basedir, 'second.log').readLines().findAll { it.startsWith('[INFO] ') && !it.startsWith('[INFO] ---') && !it.contains('BUILD') && !it.startsWith('[INFO] Total') && !it.startsWith('[INFO] Finished') && !it.startsWith('[INFO] Scanning') && !it.startsWith('[INFO] Building') && !it.contains('----') && it.trim() != '[INFO]' && !it.contains('[ pom ]') && !it.startsWith('[INFO]   from ') && !it.startsWith('[INFO] Copying ') }
assert second.size() == 1 && second[0] ==~ /\[INFO\] all 4 steps are up to date: nothing to do \(checked in [0-9.]+ s\)/ : second
def dry = new File(basedir, 'dry.log').text
assert dry.contains('plan: table://top/latest: build (forced)')
assert dry.contains('plan: table://summary/latest: build (forced)')
assert !dry.contains('table://independent')
assert dry.contains('nothing was changed')
true
