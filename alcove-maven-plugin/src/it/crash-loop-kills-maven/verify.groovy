// six trials (one kill per mode) in the normal build; -Dalcove.crash.trials=N for a longer run,
// whose figures go to RELIABILITY.md
def trials = Integer.getInteger('alcove.crash.trials', 6)
def report = dev.alcove.maven.it.MavenCrashLoop.run(basedir, localRepositoryPath, trials)
new File(basedir, 'crash-report.txt').text = report + '\n'
println report
true
