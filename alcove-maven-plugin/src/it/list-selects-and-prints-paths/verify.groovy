def info(name) { new File(basedir, name).readLines().findAll { it.startsWith('[INFO] ') && (it.contains('://') || it.startsWith('[INFO] data/')) }.collect { it.substring(7) } }
assert info('list.log') == ['snapshot://countries/2024-07-26', 'table://countries/by-region/latest', 'table://countries/summary/latest']
// the regular expression of alcove's first form: only what it matches
assert info('paths.log') == ['data/tables/countries/by-region/latest.parquet', 'data/tables/countries/summary/latest.parquet']
// a URI without its version, everything downstream of it, less an exclusion
assert info('downstream.log') == ['snapshot://countries/2024-07-26', 'table://countries/by-region/latest']
// commas, and everything upstream
assert info('upstream.log') == ['snapshot://countries/2024-07-26', 'table://countries/by-region/latest', 'table://countries/summary/latest']
true
