// Invocations 1 (JaCoCo's prepare-agent first), 2 (nplusone's first) and 3 (nplusone's first, with
// the user's own -Djacoco.exclClassLoaders) write one build.log, in that order, and one set of
// coverage data each: target/jacoco-<run>.exec.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/java/com/example/library/Library.java').readLines()
def lineOf = { String marker -> source.findIndexOf { it.contains(marker) } + 1 }
def reread = "com.example.library.Library.title(Library.java:${lineOf('// the same book, read again')})"
def insert = "com.example.library.Library.addBooks(Library.java:${lineOf('// batchable: one insert per book')})"

// The classes each coverage data file records, read with JaCoCo's own reader.
def core = new File(localRepositoryPath, 'org/jacoco/org.jacoco.core').listFiles().collect { d -> d.listFiles().find { it.name.endsWith('.jar') } }.find()
def jacoco = new URLClassLoader([core.toURI().toURL()] as URL[], getClass().classLoader)
def classesOf = { String run ->
    def file = new File(basedir, "target/jacoco-${run}.exec")
    assert file.isFile() : "no coverage data ${file}"
    def loader = jacoco.loadClass('org.jacoco.core.tools.ExecFileLoader').getDeclaredConstructor().newInstance()
    loader.load(file)
    loader.executionDataStore.contents*.name as Set
}
def agentClasses = { Set names -> names.findAll { it.startsWith('dev/nplusone/') } }

// Every run: the tests passed, both tools wrote their reports, and the check passed, listing the
// duplicate and the batchable writes it let pass.
['first', 'after', 'overridden'].each { run ->
    assert classesOf(run).contains('com/example/library/Library') : "${run}: JaCoCo recorded the application"
    assert new File(basedir, "target/jacoco-${run}/index.html").isFile() : "${run}: no JaCoCo report"
}
assert new File(basedir, 'target/nplusone').listFiles().findAll { it.name.endsWith('.json') }.size() == 1
assert log.count('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0\n') == 3 : 'the tests ran and passed in each run'
assert log.count('[INFO] nplusone check: 2 that do not fail the build (the reports have each in full):\n'
        + "[INFO]   duplicate in com.example.library.LibraryTest#readsOneBookTwice: 2 executions in one scope instance at ${reread}"
        + ' (fail-on-duplicate=false)\n'
        + "[INFO]   batchable writes in com.example.library.LibraryTest#addsFourBooks: 4 executions in one scope instance at ${insert}"
        + ' (fail-on-batchable=false)\n'
        + '[INFO] nplusone check: PASSED, no breach\n') == 3 : 'each run lists what it let pass'
assert log.count('[INFO] nplusone check: 1 report, 2 scopes (2 instances), 2 findings\n') == 4 : 'each run read its one report'

// 1. JaCoCo's prepare-agent ran first: its token, already in argLine, was told to leave the agent's
// loader and start-up classes alone. Not one class of the agent in the coverage data.
assert log.contains("[INFO] JaCoCo's agent in argLine told to leave nplusone's classes out of its coverage data:"
        + ' exclclassloader dev.nplusone.*, excludes dev.nplusone.boot.*\n')
assert agentClasses(classesOf('first')).isEmpty() : agentClasses(classesOf('first'))

// 2. nplusone's ran first: JaCoCo's read the property it set. Its agent then comes first on the
// command line and sees the two classes that start the nplusone agent, loaded from the agent jar by
// the JVM (docs/maven.md says so); none of the thousand the agent's own loader defines.
assert log.contains('[INFO] jacoco.exclClassLoaders set to sun.reflect.DelegatingClassLoader:dev.nplusone.*,'
        + " so that JaCoCo's prepare-agent leaves nplusone's classes out of its coverage data\n")
assert log =~ /\[INFO\] argLine set to -javaagent:\S+org\.jacoco\.agent-\S+-runtime\.jar=destfile=\S+jacoco-after\.exec,exclclassloader=sun\.reflect\.DelegatingClassLoader:dev\.nplusone\.\* -javaagent:\S+nplusone-agent/
def after = agentClasses(classesOf('after'))
assert after.every { it.startsWith('dev/nplusone/boot/') } && after.size() <= 2 : after

// 3. The user's -Djacoco.exclClassLoaders wins over the project property: nplusone warns, and JaCoCo
// records the agent's isolated classes, as the checks above would have seen without the exclusion.
assert log.contains("[WARNING] -Djacoco.exclClassLoaders=sun.reflect.DelegatingClassLoader does not exclude the nplusone agent's class"
        + " loaders (dev.nplusone.*), so JaCoCo will record the agent's own classes in its coverage data;"
        + ' add them: -Djacoco.exclClassLoaders=sun.reflect.DelegatingClassLoader:dev.nplusone.*\n')
def overridden = agentClasses(classesOf('overridden'))
assert overridden.count { it.startsWith('dev/nplusone/shaded/') } > 100 : "${overridden.size()} agent classes: ${overridden.take(5)}"

// 4. Made to fail, the batchable writes are a breach.
assert log.contains("[ERROR] BREACH batchable writes in com.example.library.LibraryTest#addsFourBooks: 4 executions in one scope instance at ${insert}\n")
assert log.contains('[INFO] nplusone check: FAILED, 1 breach (1 batchable write)\n')
assert log.trim().split('\n').findAll { it.contains('BUILD ') }.collect { it.trim() } == ['[INFO] BUILD SUCCESS'] * 3 + ['[INFO] BUILD FAILURE']