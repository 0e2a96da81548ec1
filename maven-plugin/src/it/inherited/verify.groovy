import groovy.json.JsonSlurper

// Invocations 1 (verify: the check fails), 2 (writeBaseline), 3 (baseline) and 4 (a missing
// baseline) write one build.log, in that order.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/java/com/example/library/Library.java').readLines()
def lineOf = { String marker -> source.findIndexOf { it.contains(marker) } + 1 }
def loop = "com.example.library.Library.titlesByAuthor(Library.java:${lineOf('// N+1: the books of each author')})"
def reread = "com.example.library.Library.title(Library.java:${lineOf('// the same book, read again')})"
def small = 'com.example.library.SmallLibraryTest'
def large = 'com.example.library.LargeLibraryTest'

// 1. One scope per subclass, each with its own count: the test declared once in
// AbstractLibraryTests ran against three authors in one subclass and six in the other.
def reports = new File(basedir, 'target/nplusone').listFiles().findAll { it.name.endsWith('.json') }
assert reports.size() == 1
def report = new JsonSlurper().parse(reports[0])
def scope = { String name -> report.scopes.find { it.name == name } ?: { assert false : "no scope ${name} in ${report.scopes*.name}" }() }
assert scope("${small}#listsTheTitlesOfEachAuthor").statements.max == 1 + 3
assert scope("${large}#listsTheTitlesOfEachAuthor").statements.max == 1 + 6
assert report.scopes.findAll { it.name.contains('AbstractLibraryTests') }.isEmpty() : report.scopes*.name
def nPlusOne = report.findings.findAll { it.type == 'n_plus_one' }.collectEntries { [(it.scope): it.repetitions] }
assert nPlusOne == [("${small}#listsTheTitlesOfEachAuthor".toString()): 3, ("${large}#listsTheTitlesOfEachAuthor".toString()): 6]

assert log.contains('[INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('[INFO] nplusone check: 1 report, 4 scopes (4 instances), 4 findings\n')
[
    "BREACH N+1 in ${large}#listsTheTitlesOfEachAuthor: 6 executions in one scope instance at ${loop}",
    "BREACH N+1 in ${small}#listsTheTitlesOfEachAuthor: 3 executions in one scope instance at ${loop}",
].each { assert log.contains("[ERROR] ${it}\n") : "the failure message lacks: ${it}" }
// What does not fail is listed too, one line each, with the setting that lets it pass.
def duplicates = [
    "[INFO]   duplicate in ${large}#readsOneBookTwice: 2 executions in one scope instance at ${reread} (fail-on-duplicate=false)",
    "[INFO]   duplicate in ${small}#readsOneBookTwice: 2 executions in one scope instance at ${reread} (fail-on-duplicate=false)",
].join('\n')
assert log.contains('[INFO] nplusone check: 2 that do not fail the build (the reports have each in full):\n' + duplicates + '\n'
        + '[INFO] nplusone check: FAILED, 2 breaches (2 N+1)\n')

// 2. The baseline is written, and the plugin says how to use it as a Maven user configures it.
def baseline = new File(basedir, 'nplusone-baseline.json')
assert baseline.isFile()
assert new JsonSlurper().parse(baseline).breaches*.scope == ["${large}#listsTheTitlesOfEachAuthor", "${small}#listsTheTitlesOfEachAuthor"]*.toString()
def path = baseline.absolutePath
assert log.contains("[INFO] nplusone check: baseline of 2 breaches written to ${path}; check with <baseline>${path}</baseline> in the"
        + " nplusone plugin's configuration (or -Dnplusone.baseline=${path}) to fail on new ones only\n")

// 3. With the baseline the build passes, and says what it let pass.
assert log.contains('[INFO] nplusone check: 4 that do not fail the build (the reports have each in full):\n'
        + "[INFO]   N+1 in ${large}#listsTheTitlesOfEachAuthor: 6 executions in one scope instance at ${loop} (known from the baseline)\n"
        + "[INFO]   N+1 in ${small}#listsTheTitlesOfEachAuthor: 3 executions in one scope instance at ${loop} (known from the baseline)\n"
        + duplicates + '\n'
        + '[INFO] nplusone check: PASSED, no breach; 2 known from the baseline\n')

// 4. A missing baseline stops the build, saying how to record one with the plugin.
def absent = new File(basedir, 'absent-baseline.json').absolutePath
assert log.contains("unreadable input: ${absent}: no such baseline file; record one first with -Dnplusone.writeBaseline=${absent}")

// Nothing the plugin printed speaks the command line's options.
assert !(log =~ /--(write-)?baseline/) : 'a message named a command-line option'
assert log.trim().split('\n').findAll { it.contains('BUILD ') }.collect { it.trim() } == ['[INFO] BUILD FAILURE', '[INFO] BUILD SUCCESS', '[INFO] BUILD SUCCESS', '[INFO] BUILD FAILURE']
