def log = new File(basedir, 'build.log').text
['alcove:init', 'alcove:list', 'alcove:graph', 'alcove:catalogue', 'alcove:remove', 'alcove.step', 'alcove.exclude', 'alcove:new-table', 'alcove:gc', 'alcove:package', 'alcove.cache.push', 'alcove.gc.delete', 'alcove.region', 'alcove.select', 'alcove.paths', 'alcove.table', 'alcove.dependencies', 'alcove.skip'].each {
  assert log.contains(it) : "help does not mention ${it}"
}
// The eight store settings come once, in their own section, not under each of the goals.
assert log.count('Store settings, taken by every goal') == 1
['bucket', 'endpoint', 'region', 'pathStyle', 'prefix', 'serverId', 'store', 'cacheDir'].each {
  assert (log =~ /(?m)^    ${it}\b/).count == 1 : "${it} is not described exactly once"
}
// Each goal's own parameters first: run's selection is described under run, before the store.
def run = log.indexOf('alcove:run\n')
assert run >= 0 && log.indexOf('    select', run) < log.indexOf('Store settings', run)
// No markup from the Javadoc is left, and nothing it named went missing with it.
assert !log.contains('<code>') && !log.contains('&lt;')
def flat = log.replaceAll(/\s+/, ' ')
assert flat.contains('Each is a <step> with a <uri> and a list of <dependencies>.')
assert flat.contains('target/generated-resources/alcove/<path>/<version>.parquet')
assert !(flat =~ /(?i)\b(a|an|the)\s+(with|and|of|in|a|an|the)\b/) : 'a hole where a pom element was named'
assert !flat.contains('//.parquet') : 'a hole where a pom element was named'
assert !(flat =~ /(?i)\b(a|an|the) ([,;:)]|\.(\s|$))/) : 'a hole where a pom element was named'
// The header lists every goal the plugin has, as the descriptor says.
def descriptor = new File(basedir, '../../classes/META-INF/maven/plugin.xml').text
def goals = (descriptor =~ /<goal>([a-z-]+)<\/goal>/).collect { it[1] }.unique().sort()
assert goals.size() >= 14
assert flat.contains('Goals: ' + goals.join(', ') + '.')
goals.each { assert log.contains("alcove:${it}\n") : "help has no section for ${it}" }
true
