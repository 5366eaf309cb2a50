def log = { name -> new File(basedir, name).text }
assert log('producer.log').contains('publishing table://numbers/latest as dev.alcove.it:producer:1:parquet:numbers')
def installed = new File(localRepositoryPath, 'dev/alcove/it/producer/1/producer-1-numbers.parquet')
assert installed.bytes == new File(basedir, 'producer/data/tables/numbers/latest.parquet').bytes
assert new File(localRepositoryPath, 'dev/alcove/it/producer/1/producer-1-numbers.meta.yaml').exists()
def fetch = log('fetch.log')
assert fetch.contains('dataset numbers: new version snapshot://numbers/') : fetch
def sidecar = new File(basedir, 'consumer/data/snapshots/numbers').listFiles().find { it.name.endsWith('.meta.yaml') }.text
assert sidecar.contains('access_notes: Maven artifact dev.alcove.it:producer:1:parquet:numbers')
assert sidecar.contains('license: CC0-1.0')
assert log('run.log').contains('built table://total/latest: 1 rows, 1 columns')
assert log('fetch-again.log').contains('dataset numbers: unchanged since ')
def ghost = log('ghost.log')
assert ghost.contains('cannot resolve mvn:dev.alcove.it:nothing-here:1:parquet:ghost (') : ghost
assert ghost.contains('check the coordinate and the project\'s repositories; nothing was stored')
assert !new File(basedir, 'consumer/data/snapshots/ghost').exists()
true
