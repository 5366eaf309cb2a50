// one alcove keeps the S3 keys in its .env; the other gets them from the environment
dev.alcove.maven.it.ItS3.start(basedir, 'dotenv', 'environment')
dev.alcove.maven.it.ItS3.writeKeysToDotEnv(basedir, 'dotenv')
true
