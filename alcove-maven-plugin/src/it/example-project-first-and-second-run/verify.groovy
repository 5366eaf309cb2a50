def first = new File(basedir, 'first.log').text
['restored snapshot://population/2026-11-27', 'restored snapshot://country-codes/2026-11-27',
 'built table://countries/latest: 248 rows, 5 columns',
 'built table://population/by-country/latest: 13945 rows, 5 columns',
 'built table://population/by-region/latest: 325 rows, 4 columns',
 'built table://population/growth/latest: 30 rows, 3 columns',
 '[table://population/growth/latest] wrote 30 region-decades',
 '[table://population/published/latest] publishing latest.parquet',
 'built table://population/published/latest: 325 rows, 4 columns',
 'audit: 0 errors, 0 warnings'].each { assert first.contains(it) : "first run: missing ${it}" }
def meta = new File(basedir, 'data/tables/population/by-country/latest.meta.yaml').text
assert meta.contains('name: Population by country and year, countries only')
assert meta.contains('license: ODC-PDDL-1.0') && meta.contains('source_url: https://github.com/datasets/population')
// The Java step was compiled once, and its JVM's classes archived for the next runs.
assert first.contains('compiled src/steps/tables/population/growth.java in ')
def compiled = new File(basedir, 'target/alcove/java-steps').listFiles()
assert compiled.size() == 1 && new File(compiled[0], 'step.jar').isFile() && new File(compiled[0], 'step.jsa').isFile() : compiled
def second = new File(basedir, 'second.log').text
assert second.contains('all 7 steps are up to date: nothing to do')
assert !second.contains('built table://')
def fetch = new File(basedir, 'fetch.log').text
assert fetch.contains('dataset population: unchanged since 2026-11-27') : fetch
assert fetch.contains('dataset country-codes: unchanged since 2026-11-27') : fetch
// The catalogue: one page, every step drawn as a link to its section, nothing fetched from elsewhere.
def page = new File(basedir, 'target/alcove/catalogue/index.html').text
['snapshot://population/2026-11-27', 'snapshot://country-codes/2026-11-27', 'table://countries/latest',
 'table://population/by-country/latest', 'table://population/by-region/latest', 'table://population/growth/latest',
 'table://population/published/latest'].each { uri ->
  def anchor = 'step-' + uri.replaceAll('[^a-z0-9]', '-')
  assert page.contains("<a href=\"#${anchor}\"><g class=\"node") : "no node for ${uri}"
  assert page.contains("id=\"${anchor}\"") : "no section for ${uri}"
}
assert page.contains('ODC-PDDL-1.0') && page.contains('<td>dim_iso3</td>') && page.contains('accepted_values')
assert !page.contains('<script') && !page.contains('src="http')
true
