dev.alcove.maven.it.ItS3.start(basedir, '.')
dev.alcove.maven.it.ItAwsCredentials.start(basedir)
true
