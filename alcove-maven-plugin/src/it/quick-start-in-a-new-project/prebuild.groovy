// The user's download, in a home of this test's own (the JVM's user.home, set in invoker.properties).
def downloads = new File(basedir, 'home/Downloads')
downloads.mkdirs()
new File(downloads, 'countries.csv').text = 'code,name,region\nFR,France,Europe\nJP,Japan,Asia\nKE,Kenya,Africa\n'
true
