import groovy.json.JsonSlurper

// Under -q, each goal's whole output is the document: it must parse as JSON, nothing else around it.
def json(name) { new JsonSlurper().parse(new File(basedir, name)) }

def list = json('list.json')
assert list.steps*.uri == ['snapshot://people/2024-07-26', 'table://independent/latest', 'table://summary/latest', 'table://top/latest']
assert list.steps.find { it.uri == 'table://top/latest' }.dependencies == ['table://summary/latest']
assert list.steps.find { it.uri == 'table://summary/latest' }.path == 'data/tables/summary/latest.parquet'

def plan = json('plan.json')
assert plan.dry_run == true && plan.to_run == 4
def summary = plan.steps.find { it.uri == 'table://summary/latest' }
assert summary.action == 'build' && summary.reason == 'output missing' && summary.kind == 'table'
assert plan.steps.find { it.uri == 'snapshot://people/2024-07-26' }.action == 'restore'

def results = json('target/alcove/run-results.json')
assert results.success == true && results.error == null
def built = results.results.find { it.uri == 'table://summary/latest' }
assert built.status == 'success' && built.outcome == 'built' && built.rows == 2 && built.bytes > 0 && built.seconds >= 0
assert built.started_at ==~ /\d{4}-\d\d-\d\dT.*Z/
assert results.results.find { it.uri == 'snapshot://people/2024-07-26' }.outcome == 'restored'

def audit = json('audit.json')
assert audit.errors == 0
assert audit.findings.find { it.subject == 'table://top/latest' }.severity == 'ok'
// The DAG as Mermaid on standard output, and as DOT around a selection in a file.
def mermaid = new File(basedir, 'graph.mmd').text
assert mermaid.startsWith('flowchart LR') : mermaid
assert mermaid.contains('n0[("snapshot://people/2024-07-26")]:::snapshot') && mermaid.contains(' --> ')
def dot = new File(basedir, 'graph.dot').text
assert dot.contains('digraph alcove') && dot.contains('table://top/latest') && !dot.contains('table://independent')
// Maven 3.8, where the machine has it (Debian's mvn): it writes an ANSI reset after every build,
// even under -q -B, so the README's way there is a file; the document in it parses.
def mvn38 = ['/usr/bin/mvn', '/usr/share/maven/bin/mvn'].collect { new File(it) }.find { it.canExecute() }
def version = mvn38 == null ? '' : [mvn38.path, '-v'].execute().text
if (version.contains('Apache Maven 3.8')) {
  def command = [mvn38.path, '-q', '-B', "-Dmaven.repo.local=${localRepositoryPath}", 'alcove:list',
                 '-Dalcove.format=json', '-Dalcove.output=target/steps-on-3.8.json']
  def process = new ProcessBuilder(command*.toString()).directory(basedir).redirectErrorStream(true).start()
  def printed = process.inputStream.text
  assert process.waitFor() == 0 : printed
  assert json('target/steps-on-3.8.json').steps*.uri == list.steps*.uri
  println "Maven 3.8: -Dalcove.output gave a document that parses; standard output held ${printed.length()} characters besides"
} else {
  println 'no Maven 3.8 on this machine: the README\'s Maven 3.8 way is not tried'
}
true
