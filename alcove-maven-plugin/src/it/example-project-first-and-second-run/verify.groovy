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
// The tables built from it keep its licence, not its title.
['by-region', 'growth', 'published'].each {
  def downstream = new File(basedir, "data/tables/population/${it}/latest.meta.yaml").text
  assert !downstream.contains('countries only') : "${it} took its input's title"
  assert downstream.contains('license: ODC-PDDL-1.0') : "${it} lost its input's licence"
}
assert meta.contains('license: ODC-PDDL-1.0') && meta.contains('source_url: https://github.com/datasets/population')
// The Java step was compiled once, and its JVM's classes archived for the next runs.
assert first.contains('compiled src/steps/tables/population/growth.java in ')
def compiled = new File(basedir, 'target/alcove/java-steps').listFiles()
assert compiled.size() == 1 && new File(compiled[0], 'step.jar').isFile() && new File(compiled[0], 'step.jsa').isFile() : compiled
// <resources>: the two tables in the jar, and the example's tests read them from the class path.
assert first.contains('resources: 2 tables in ') : 'no resources line'
assert first.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'the example tests did not run'
def jar = new java.util.zip.ZipFile(new File(basedir, 'target/world-population-1.0.0-SNAPSHOT.jar'))
['alcove/population/published/latest.parquet', 'alcove/countries/latest.parquet'].each {
  assert jar.getEntry(it) != null : "${it} is not in the jar"
}
jar.close()
def second = new File(basedir, 'second.log').text
assert second.contains('all 7 steps are up to date: nothing to do')
assert !second.contains('built table://')
def fetch = new File(basedir, 'fetch.log').text
assert fetch.contains('dataset population: unchanged since 2026-11-27') : fetch
assert fetch.contains('dataset country-codes: unchanged since 2026-11-27') : fetch
// The catalogue: one page, every step drawn as a link to its section, nothing fetched from elsewhere.
def page = new File(basedir, 'target/alcove/catalogue/index.html').text
def uris = ['snapshot://population/2026-11-27', 'snapshot://country-codes/2026-11-27', 'table://countries/latest',
 'table://population/by-country/latest', 'table://population/by-region/latest', 'table://population/growth/latest',
 'table://population/published/latest']
uris.each { uri ->
  def anchor = 'step-' + uri.replaceAll('[^a-z0-9]', '-')
  assert page.contains("<a href=\"#${anchor}\"><g class=\"node") : "no node for ${uri}"
  assert page.contains("id=\"${anchor}\"") : "no section for ${uri}"
}
assert page.contains('ODC-PDDL-1.0') && page.contains('<td>dim_iso3</td>') && page.contains('accepted_values')
assert !page.contains('<script') && !page.contains('src="http')
// Right after a build every step is up to date, and each table names the licence upstream.
assert (page =~ /class="node kind-[a-z]+ state-up-to-date"/).count == 7 : 'not every node is up to date'
assert page.contains('<dt>licences upstream</dt><dd>ODC-PDDL-1.0 (')
// Definitions link to their files; data tests say how they fared at the last build.
assert page.contains('<a href="../../../src/steps/tables/countries.sql"><code>src/steps/tables/countries.sql</code></a>')
assert page.contains('(error): passed at the last build')
// mvn site: the same catalogue under Project Reports, in the site's look.
def site = new File(basedir, 'target/site/alcove-catalogue.html').text
assert new File(basedir, 'target/site/project-reports.html').text.contains('alcove-catalogue.html')
uris.each { uri ->
  def anchor = 'step-' + uri.replaceAll('[^a-z0-9]', '-')
  assert site.contains("<a href=\"#${anchor}\"><g class=\"node") : "site report: no node for ${uri}"
  assert site.contains("id=\"${anchor}\"") : "site report: no section for ${uri}"
}
assert (site =~ /class="node kind-[a-z]+ state-up-to-date"/).count == 7 : 'site report: not every node is up to date'
assert site.contains('<a href="../../src/steps/tables/countries.sql">')
// In a real browser: both pages load cleanly, every node is visible and leads to its section.
dev.alcove.maven.it.CatalogueInBrowser.check(new File(basedir, 'target/alcove/catalogue/index.html'), uris, new File(basedir, 'target/catalogue.png'))
dev.alcove.maven.it.CatalogueInBrowser.check(new File(basedir, 'target/site/alcove-catalogue.html'), uris, new File(basedir, 'target/site-catalogue.png'))
true
