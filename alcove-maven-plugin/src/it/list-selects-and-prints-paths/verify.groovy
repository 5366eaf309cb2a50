def info(name) { new File(basedir, name).readLines().findAll { it.startsWith('[INFO] ') && (it.contains('://') || it.startsWith('[INFO] data/')) }.collect { it.substring(7) } }
assert info('list.log') == ['snapshot://countries/2024-07-26', 'table://countries/by-region/latest', 'table://countries/summary/latest']
assert info('paths.log') == ['data/tables/countries/by-region/latest.parquet', 'data/tables/countries/summary/latest.parquet']
