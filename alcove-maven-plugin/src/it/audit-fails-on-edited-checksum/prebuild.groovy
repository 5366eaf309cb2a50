// the local data, which git never holds
new File(basedir, 'data/snapshots/people/2024-07-26.csv').text = 'region,people\neu,10\neu,5\nas,7\n'
true
