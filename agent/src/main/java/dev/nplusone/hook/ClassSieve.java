package dev.nplusone.hook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which classes a hook could transform, judged from a class's name and the strings of its class
 * file, before Byte Buddy describes anything. It is a necessary condition of the hook's type
 * matchers, never a sufficient one: a class it lets through is then matched by Byte Buddy as
 * before; a class it refuses is one the matchers would refuse too.
 *
 * <p>It exists because nearly every class a JVM loads is of no interest to any hook, and Byte
 * Buddy's matching of one class (parsing its class file, resolving its super types) costs far more
 * than a pass over its constant pool. A class that declares a method has the method's name among
 * its constant pool's strings; a class with a method annotated {@code @A} has {@code A}'s
 * descriptor there. Everything here uses the JDK only, so that the agent can run it before it
 * loads Byte Buddy at all.
 */
public final class ClassSieve {

    /** Refuses every class; the start of an {@link #or}. */
    private static final ClassSieve NOTHING = new ClassSieve(Set.of(), Set.of());

    /** Binary names (dots) of classes let through by name alone. */
    private final Set<String> names;
    /** The same names in both forms, binary and internal (slashes), which a class file transformer is given. */
    private final Set<String> eitherForm;
    /** Strings of which a class file must hold at least one, as modified UTF-8 (all ASCII here). */
    private final Set<String> strings;

    private ClassSieve(Set<String> names, Set<String> strings) {
        this.names = names;
        this.strings = strings;
        this.eitherForm = new HashSet<>(names);
        for (String name : names) {
            eitherForm.add(name.replace('.', '/'));
        }
    }

    /** Classes of exactly these binary names ({@code a.b.Outer$Inner}). */
    public static ClassSieve named(String... binaryNames) {
        return new ClassSieve(Set.of(binaryNames), Set.of());
    }

    /**
     * Classes that could declare a method of one of these names: their class file holds the name.
     * (It also holds the names of methods it only calls: those classes go on to Byte Buddy.)
     */
    public static ClassSieve declaring(String... methodNames) {
        return new ClassSieve(Set.of(), Set.of(methodNames));
    }

    /** Classes that could carry an annotation of one of these types (binary names): their class file holds its descriptor. */
    public static ClassSieve annotatedWith(String... annotationTypes) {
        Set<String> descriptors = new HashSet<>();
        for (String type : annotationTypes) {
            descriptors.add("L" + type.replace('.', '/') + ";");
        }
        return new ClassSieve(Set.of(), descriptors);
    }

    /** A class let through by either. */
    public ClassSieve or(ClassSieve other) {
        Set<String> n = new HashSet<>(names);
        n.addAll(other.names);
        Set<String> s = new HashSet<>(strings);
        s.addAll(other.strings);
        return new ClassSieve(n, s);
    }

    /** The union of several, e.g. of every hook's. */
    public static ClassSieve anyOf(Collection<ClassSieve> sieves) {
        ClassSieve all = NOTHING;
        for (ClassSieve sieve : sieves) {
            all = all.or(sieve);
        }
        return all;
    }

    /** Whether this sieve lets a class through by its name alone, binary ({@code a.b.C}) or internal ({@code a/b/C}). */
    public boolean passesByName(String name) {
        return eitherForm.contains(name);
    }

    /** Whether any class could pass without its name being one of {@link #passesByName}: whether its class file is worth reading. */
    public boolean readsClassFiles() {
        return !strings.isEmpty();
    }

    /** The names it lets through, for the agent's list of JDK classes a hook asks for. */
    public Set<String> names() {
        return names;
    }

    /** A matcher of class files, compiled once; immutable, so any number of threads may share it. */
    public Strings strings() {
        return new Strings(strings);
    }

    /**
     * Finds any of a set of strings among a class file's constant pool's UTF-8 entries, without
     * allocating. A class file it cannot read (too short, an unknown constant) passes: deciding is
     * then left to Byte Buddy.
     */
    public static final class Strings {

        /** The wanted strings' bytes, by length; a length no string has is null. */
        private final byte[][][] byLength;

        Strings(Set<String> wanted) {
            int longest = 0;
            for (String s : wanted) {
                longest = Math.max(longest, s.length());
            }
            List<List<byte[]>> lists = new ArrayList<>();
            for (int i = 0; i <= longest; i++) {
                lists.add(new ArrayList<>());
            }
            for (String s : wanted) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                if (bytes.length != s.length()) {
                    throw new IllegalArgumentException("only ASCII strings can be sought in class files: " + s);
                }
                lists.get(bytes.length).add(bytes);
            }
            byLength = new byte[longest + 1][][];
            for (int i = 0; i <= longest; i++) {
                byLength[i] = lists.get(i).isEmpty() ? null : lists.get(i).toArray(new byte[0][]);
            }
        }

        /** Whether the class file holds one of the strings, or cannot be read here. */
        public boolean foundIn(byte[] classFile) {
            try {
                return scan(classFile);
            } catch (ArrayIndexOutOfBoundsException truncated) {
                return true;
            }
        }

        private boolean scan(byte[] b) {
            if (b.length < 10 || u4(b, 0) != 0xCAFEBABE) {
                return true;
            }
            int count = u2(b, 8);
            int at = 10;
            for (int index = 1; index < count; index++) {
                int tag = b[at] & 0xFF;
                switch (tag) {
                    case 1: // Utf8: length, bytes
                        int length = u2(b, at + 1);
                        if (wanted(b, at + 3, length)) {
                            return true;
                        }
                        at += 3 + length;
                        break;
                    case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
                        at += 3;
                        break;
                    case 15: // MethodHandle
                        at += 4;
                        break;
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: // Integer .. InvokeDynamic
                        at += 5;
                        break;
                    case 5: case 6: // Long, Double: two entries
                        at += 9;
                        index++;
                        break;
                    default:
                        return true; // a constant newer than this code: let Byte Buddy decide
                }
            }
            return false;
        }

        private boolean wanted(byte[] b, int from, int length) {
            if (length >= byLength.length || byLength[length] == null) {
                return false;
            }
            for (byte[] candidate : byLength[length]) {
                if (Arrays.equals(b, from, from + length, candidate, 0, length)) {
                    return true;
                }
            }
            return false;
        }

        private static int u2(byte[] b, int at) {
            return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
        }

        private static int u4(byte[] b, int at) {
            return (u2(b, at) << 16) | u2(b, at + 2);
        }
    }
}
