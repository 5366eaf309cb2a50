def error(log) { dev.alcove.maven.it.BuildLog.failure(new File(basedir, log)) }
assert error('missing.log').contains('missing.csv does not exist')
assert error('empty.log').contains('holds no files: there is nothing to snapshot')
assert error('name.log').contains("invalid step URI 'snapshot://Bad_Name")
assert error('exists.log').contains('snapshot snapshot://ok/2024-07-26 already exists: use -Dalcove.force=true')
assert error('store.log').contains('cannot write to local store /proc/alcove-cannot-write-here') && error('store.log').contains('set -Dalcove.store=<folder> to a folder you can write')
['missing.log', 'empty.log', 'name.log', 'exists.log', 'store.log'].each { assert !new File(basedir, it).text.contains('\tat dev.alcove') }
def state = new StringBuilder()
basedir.eachFileRecurse { f -> if (f.isFile() && !f.path.contains('/target/') && !f.name.endsWith('.log') && f.name != 'before.state' && f.name != 'build.log') state << f.path << ' ' << f.bytes.encodeBase64() << '\n' }
assert state.toString() == new File(basedir, 'before.state').text : 'a file changed'
true
