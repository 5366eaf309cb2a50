def refused = new File(basedir, 'refused.log').text
assert refused.contains('cannot remove table://summary/latest: table://top/latest depends on it; remove it first, or change its dependencies') : refused
assert !refused.contains('\tat dev.alcove')
def removed = new File(basedir, 'removed.log').text
['removed table://top/latest from alcove.yaml', 'deleted data/tables/top/latest.parquet', 'deleted data/tables/top/latest.meta.yaml',
 'kept its definition src/steps/tables/top.sql: delete it (git rm) if it is no longer wanted', 'the store keeps its objects'].each {
  assert removed.contains(it) : "missing: ${it}"
}
assert !new File(basedir, 'alcove.yaml').text.contains('table://top')
assert new File(basedir, 'alcove.yaml').text.contains('table://summary/latest')
assert !new File(basedir, 'data/tables/top').exists()
assert new File(basedir, 'src/steps/tables/top.sql').exists()
// the next build neither misses the step nor finds anything left of it
def verify = new File(basedir, 'verify.log').text
assert verify.contains('audit: 0 errors, 1 warning') : verify // the sidecar's missing source_url
assert !verify.contains('table://top')
true
