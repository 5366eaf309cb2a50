// One Maven form per Python option (README: "Compatibility with the Python tool"), each run once.
def log = { name -> new File(basedir, name).text }
(1..18).each { n ->
  def file = basedir.listFiles().find { it.name.startsWith(String.format('%02d-', n)) }
  assert file != null && file.text.contains('BUILD SUCCESS') : "step ${n} did not succeed"
}
assert new File(basedir, 'alcove.yaml').isFile()                                      // init
assert new File(basedir, 'data/snapshots/cities/2024-07-26.csv').isFile()              // snapshot PATH NAME
assert log('03-snapshot-force.log').contains('snapshot://cities/2024-07-26')            // --force
assert log('04-snapshot-edit.log') =~ /edit \S*data\/snapshots\/cities\/2024-07-27\.meta\.yaml by hand/ // --edit
assert new File(basedir, 'src/steps/tables/cities/summary.sql').isFile()                // new-table PATH DEPS
def config = new File(basedir, 'src/steps/tables/cities/by-country.meta.yaml')          // new-table --edit
assert config.text.startsWith('# The config of table://cities/by-country/latest.')
assert log('06-new-table-edit.log') =~ /edit \S*src\/steps\/tables\/cities\/by-country\.meta\.yaml by hand/
assert log('07-run-regex.log') =~ /built table:\/\/cities\/summary\/latest/             // run REGEX
assert !(log('07-run-regex.log') =~ /built table:\/\/cities\/by-country/)
assert log('09-run-force.log') =~ /built table:\/\/cities\/summary\/latest/             // run --force
assert log('09-run-force.log') =~ /built table:\/\/cities\/by-country\/latest/
assert log('08-run-dry-run.log').contains('plan: table://cities/by-country/latest') // run --dry-run
assert !(log('08-run-dry-run.log') =~ /built table:/)
def listed = log('10-list-regex.log')                                                    // list REGEX
assert listed.contains('table://cities/by-country/latest') && !listed.contains('table://cities/summary/latest')
assert log('11-list-paths.log').contains('data/tables/cities/summary/latest.parquet')   // list --paths
assert log('12-audit.log').contains('audit: 0 errors')                                   // audit
assert log('13-audit-fix.log').contains('audit: 0 errors')                               // audit --fix
assert new File(basedir, 'target/all.duckdb').length() > 0                               // export-duckdb FILE
assert new File(basedir, 'target/short.duckdb').length() > 0                             // --short
assert log('16-db.log').contains('Paris')                                                // db QUERY
assert log('17-db-names.log').contains('Paris')                                          // --names
assert log('18-db-csv.log').contains('Paris,fr,2100000')                                 // --csv
true
