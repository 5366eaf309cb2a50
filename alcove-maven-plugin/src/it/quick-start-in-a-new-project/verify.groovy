def log = { name -> new File(basedir, name).text }
def home = new File(basedir, 'home').canonicalPath
assert new File(basedir, 'alcove.yaml').isFile()
// ~ is the user's home, and the log says which file it took.
assert log('snapshot.log').contains("source: ${home}/Downloads/countries.csv") : log('snapshot.log')
assert log('snapshot.log') =~ /snapshot:\/\/countries\/\d{4}-\d{2}-\d{2}/
assert new File(basedir, 'src/steps/tables/countries/summary.sql').isFile()
assert log('run.log').contains('built table://countries/summary/latest')
assert log('list.log').contains('data/tables/countries/summary/latest.parquet')
assert log('audit.log').contains('audit: 0 errors')
['init.log', 'snapshot.log', 'new-table.log', 'run.log', 'list.log', 'db.log', 'audit.log'].each {
  assert !log(it).contains('[ERROR]') : "${it} has an error"
}
true
