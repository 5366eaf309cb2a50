def log = { name -> new File(basedir, name).text }
assert log('laptop.log').contains('tables: 2 tables built')

def dry = log('ci-dry.log')
assert dry.contains('plan: table://numbers/latest: restore from the table cache (output missing; built ')
// Below a table the cache restores, its key is known from the entry: planned as restored too.
assert dry.contains('plan: table://total/latest: restore from the table cache (output missing; built ')

def ci = log('ci.log')
assert ci.contains('restored table://numbers/latest from the table cache (built ')
assert ci.contains('tables: 2 restored from the table cache') : ci
assert !ci.contains('building table://')
['numbers', 'total'].each { table ->
  def path = "data/tables/${table}/latest.parquet"
  assert new File(basedir, "laptop/${path}").bytes == new File(basedir, "ci/${path}").bytes
}

assert log('misuse.log').contains('alcove.cache=ci-cache: it turns the table cache on or off (true or false); the folder of the local cache is set with alcove.cacheDir')

def gc = log('gc.log')
assert gc.contains('would delete cache entry cache/v1/') && gc.contains(', for table://numbers/latest)')
assert gc.contains('dry run: would delete 2 cache entries and 0 objects (0 B); nothing was deleted (set -Dalcove.gc.delete=true to delete)') : gc
assert log('gc-delete.log').contains('deleted 2 cache entries and 0 objects')
def entries = new File(basedir, 'store/cache/v1').listFiles()
assert entries == null || entries.length == 0
true
