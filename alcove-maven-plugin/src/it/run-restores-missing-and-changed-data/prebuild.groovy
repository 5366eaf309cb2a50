// Data is never in git (data/.gitignore lists it): make the damaged local copy here.
def folder = new File(basedir, 'data/snapshots/greetings/2024-07-26')
folder.mkdirs()
new File(folder, 'file1.txt').text = 'tampered'
new File(folder, 'extra.txt').text = 'not in the manifest'
true
