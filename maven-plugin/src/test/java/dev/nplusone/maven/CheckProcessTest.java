package dev.nplusone.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckProcessTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a deadlock must fail, not hang the build
    void handsOverEveryLineOfBothStreamsAndTheExitCode() throws Exception {
        // More standard error than a pipe buffers, before any standard output: read one stream
        // after the other, and the child would block for good.
        Path program = Files.writeString(dir.resolve("Child.java"), String.join("\n",
                "public class Child {",
                "    public static void main(String[] args) {",
                "        for (int i = 0; i < 20000; i++) System.err.println(\"err \" + i + \" ñ\");",
                "        System.out.println(\"out 1 select ü\");",
                "        System.out.println(\"out 2\");",
                "        System.exit(3);",
                "    }",
                "}"));
        String java = new File(new File(System.getProperty("java.home"), "bin"), "java").getPath();
        List<String> seenOut = new ArrayList<>();
        List<String> seenErr = Collections.synchronizedList(new ArrayList<>());

        CheckProcess.Result result = CheckProcess.run(
                List.of(java, "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", program.toString()),
                dir.toFile(), seenOut::add, seenErr::add);

        assertEquals(3, result.exitCode);
        assertEquals(List.of("out 1 select ü", "out 2"), result.out);
        assertEquals(result.out, seenOut);
        assertEquals(20000, result.err.size());
        assertEquals("err 19999 ñ", result.err.get(19999));
        assertEquals(result.err, seenErr);
    }
}
