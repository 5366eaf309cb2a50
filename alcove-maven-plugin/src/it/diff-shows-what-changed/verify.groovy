def log = { name -> new File(basedir, name).text }

def text = log('text.log')
assert text.contains('snapshot://people/2024-07-26 -> snapshot://people/2024-07-27') : text
assert text.contains('~ column score: BIGINT -> DOUBLE') : text
assert text.contains('1 added, 1 removed, 2 changed (key: id)') : text

def diff = new groovy.json.JsonSlurper().parse(new File(basedir, 'diff.json'))
assert diff.added == 1 && diff.removed == 1 && diff.changed == 2
assert diff.changed_by_column.grade == 1 && diff.changed_by_column.score == 1
assert diff.schema.retyped.score == 'BIGINT -> DOUBLE'

assert log('fail.log').contains('snapshot://people/2024-07-26 -> snapshot://people/2024-07-27 changed (schema) and alcove.failOnChange is schema')
assert log('unknown.log').contains('-Dalcove.to=snapshot://nobody/latest is not a step of the catalogue (mvn alcove:list lists them)')
true
