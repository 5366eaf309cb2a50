def before = new File(basedir, 'before.log').text
assert before.contains("checksum in data/snapshots/greetings/2024-07-26.meta.yaml is not that of its manifest (fix with -Dalcove.fix=true)")
assert before.contains('.data-files: warning: legacy list of data files')
assert before.contains('.gitignore: warning: lists data paths that belong in data/.gitignore: data/tables/')
def fix = new File(basedir, 'fix.log').text
assert fix.contains('snapshot://greetings/2024-07-26: fixed: checksum in data/snapshots/greetings/2024-07-26.meta.yaml recomputed from its manifest')
assert fix.contains('.data-files: fixed: migrated 1 entries into data/.gitignore and removed it')
assert fix.contains('data/.gitignore: fixed:')
assert new File(basedir, 'data/snapshots/greetings/2024-07-26.meta.yaml').text.contains('checksum: a76976491b769cc553c5fb15acfbf409367d8655244f043733f1c0479d1f32af')
assert new File(basedir, 'data/snapshots/greetings/2024-07-26.meta.yaml').text.contains('license: CC0-1.0')
assert !new File(basedir, '.data-files').exists()
assert new File(basedir, 'data/.gitignore').readLines().containsAll(['tables/', 'snapshots/greetings/2024-07-26/'])
assert new File(basedir, '.gitignore').readLines() == ['target/']
assert new File(basedir, 'after.log').text.contains('audit: 0 errors, 0 warnings')
true
