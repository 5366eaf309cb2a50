def log = new File(basedir, 'build.log').text
['alcove:init', 'alcove:list', 'alcove:graph', 'alcove:catalogue', 'alcove:remove', 'alcove.step', 'alcove.exclude', 'alcove:new-table', 'alcove:gc', 'alcove:package', 'alcove.cache.push', 'alcove.gc.delete', 'alcove.region', 'alcove.select', 'alcove.paths', 'alcove.table', 'alcove.dependencies', 'alcove.skip'].each {
  assert log.contains(it) : "help does not mention ${it}"
}
true
