// Invocations 1 (verify), 2 (check with a budget of 1), 3 (verify -DskipTests) and 4 (verify
// without the agent) write one build.log, in that order.
def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/n plus one')

// 1. The -javaagent token is quoted, for the space in the report directory; the forked JVM parsed it.
def reportPattern = new File(reports, 'nplusone-%p.json').absolutePath
assert log =~ /\[INFO\] argLine set to "-javaagent:\S+\/nplusone-agent-[^\/]+\.jar=report=\Q${reportPattern}\E"\n/
assert log.contains('[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
// Only this run's report was read: prepare-agent removed the stale ones that setup.groovy left.
assert log.contains('[INFO] nplusone check: 1 report, 1 scope (1 instance), 0 findings\n[INFO] nplusone check: PASSED, no breach\n')

// 2. The same report over a budget of 1 statement per test fails, naming the scope and the budget.
assert log =~ /\[ERROR\] Failed to execute goal dev\.nplusone:nplusone-maven-plugin:[^:]+:check \(default-cli\) on project library-fixed: nplusone check: FAILED, 1 breach \(1 max-queries\)\n/
assert log.contains('[ERROR] BREACH max-queries in com.example.library.LibraryTest#listsTitlesAndStars: 2 statements in one scope instance, max-queries[com.example.**] allows 1\n')

// 3. Tests skipped: no report, a warning, and a passing build.
assert log.contains("[WARNING] Skipping nplusone check: no *.json report in ${reports.absolutePath} (tests skipped, or none in this project)")
assert !new File(reports, 'nplusone-1.json').exists()
assert !new File(reports, 'old/nplusone-2.json').exists()
assert reports.listFiles().findAll { it.name.endsWith('.json') }.isEmpty() : "prepare-agent of runs 3 and 4 left ${reports.list()}"

// 4. Tests ran, but not with the agent: no report is a failure, not a pass.
assert log.contains("no nplusone report in ${reports.absolutePath} although this project has tests: the agent did not run in the test JVMs.")
assert log.trim().split('\n').findAll { it.contains('BUILD ') }.collect { it.trim() } == ['[INFO] BUILD SUCCESS', '[INFO] BUILD FAILURE', '[INFO] BUILD SUCCESS', '[INFO] BUILD FAILURE']
