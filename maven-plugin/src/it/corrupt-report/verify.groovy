// A clean report beside a truncated one: the check must stop the build and name the bad file.
def log = new File(basedir, 'build.log').text
def corrupt = new File(basedir, 'reports/nplusone-102.json').absolutePath
def reports = new File(basedir, 'reports').absolutePath

assert log.contains("[ERROR] Failed to execute goal dev.nplusone:nplusone-maven-plugin:")
assert log =~ /:check \(default-cli\) on project corrupt-report: the nplusone check could not judge the reports in \Q${reports}\E: unreadable input: \Q${corrupt}\E: not valid JSON/
assert !log.contains('PASSED')
