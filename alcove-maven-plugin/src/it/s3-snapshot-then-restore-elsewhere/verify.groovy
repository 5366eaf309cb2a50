try {
  def sum = 'dffd6021bb2bd5b0af676290809ec3a53191dd81c7f70a4b28688a362182986f'
  assert new File(basedir, "s3-blobs/alcove-bucket/team/df/fd/${sum}").text == 'Hello, World!'
  assert new File(basedir, 'snapshot.log').text.contains('stored 1 object in s3://alcove-bucket/team at http://127.0.0.1:')
  assert new File(basedir, 'clone/data/snapshots/hello/2024-07-26.txt').text == 'Hello, World!'
  assert new File(basedir, "clone-cache/df/fd/${sum}").text == 'Hello, World!'
  assert new File(basedir, 'restore.log').text.contains('restored snapshot://hello/2024-07-26')
  def wrong = dev.alcove.maven.it.BuildLog.failure(new File(basedir, 'wrong.log'))
  assert wrong.contains("S3 refused the credentials (S3_ACCESS_KEY from <server> 'alcove-it-wrong' in settings.xml) for s3://alcove-bucket/team") : wrong
  def offline = dev.alcove.maven.it.BuildLog.failure(new File(basedir, 'offline-empty.log'))
  assert offline.contains("Maven is offline (-o) and the cache has no copy of df/fd/${sum} for snapshot snapshot://hello/2024-07-26") : offline
  assert new File(basedir, 'offline-cached.log').text.contains('restored snapshot://hello/2024-07-26')
  assert new File(basedir, 'offline/data/snapshots/hello/2024-07-26.txt').text == 'Hello, World!'
  def secret = 'alcove-it-' + 'SECRET-4d2e9b'
  assert new File(basedir, 'x-audit.log').text.contains('audit: 0 errors') : 'remote audit against S3'
  assert new File(basedir, 'x-export.log').text.contains('exported 1 tables')
  ['x-list.log', 'x-db.log', 'x-new-table.log', 'x-init.log'].each { assert new File(basedir, it).text.contains('BUILD SUCCESS') : it }
  basedir.eachFileRecurse { f ->
    if (f.isFile() && !f.path.contains('s3-blobs') && f.length() < 10_000_000) {
      assert !f.text.contains(secret) : "the secret key appears in ${f}"
    }
  }
} finally {
  dev.alcove.maven.it.ItS3.stop(basedir)
}
true
