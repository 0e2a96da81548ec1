package dev.nplusone.detect;

import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where a statement came from.
 *
 * <p>Two prices: a {@link #fingerprint()} for every statement inside a scope, a 64-bit hash of the
 * first application frames (class, method and bytecode index, no {@code StackTraceElement}); and
 * the readable {@link #stack(long)}, taken only when a statement repeats, and then only once per
 * call site for the life of the JVM.
 */
public final class CallSites {

    /** Application frames that make a call site: enough to tell two loops in one method apart. */
    static final int SITE_FRAMES = 8;
    /** Frames of a stack kept for reports. */
    static final int STACK_FRAMES = 24;
    /**
     * How deep a walk may go looking for application frames. Spring puts 150 to 300 frames between
     * a controller and the driver; a recursion may add more.
     */
    static final int MAX_DEPTH = 1024;
    /**
     * Framework frames in a row, below the application frames found so far, after which a walk stops:
     * under a controller lie a hundred frames of the web framework and the container that tell no
     * call site from another.
     */
    static final int FRAMEWORK_GAP = 48;
    private static final int STACK_CACHE = 4096;

    private final StackWalker walker = StackWalker.getInstance(Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));
    private final FrameFilter filter;
    /** Driver, pool, proxies and ORM: what lies between a framework-only stack's caller and the database. */
    private final ClassValue<Boolean> dataAccess;
    private final ConcurrentHashMap<Long, CallStack> stacks = new ConcurrentHashMap<>();
    // Built once: a method reference made per call would be an allocation per statement.
    private final java.util.function.Function<Stream<StackFrame>, Long> hashFrames = frames -> fingerprint(frames, false);
    private final java.util.function.Function<Stream<StackFrame>, CallStack> collectFrames = frames -> collect(frames, false);
    private final java.util.function.Function<Stream<StackFrame>, Long> hashTaskFrames = frames -> fingerprint(frames, true);
    private final java.util.function.Function<Stream<StackFrame>, CallStack> collectTaskFrames = frames -> collect(frames, true);

    public CallSites(FrameFilter filter) {
        this(filter, type -> false);
    }

    /**
     * @param ormClasses the registered ORMs' own classes: with the JDBC driver's, the pool's and the
     *                   proxies' (whatever implements {@code java.sql}'s connection, statement and result
     *                   set, or a {@code DataSource}), what a framework-only stack starts below
     */
    public CallSites(FrameFilter filter, java.util.function.Predicate<Class<?>> ormClasses) {
        this.filter = filter;
        this.dataAccess = new ClassValue<Boolean>() {
            @Override
            protected Boolean computeValue(Class<?> type) {
                return ormClasses.test(type) || java.sql.Connection.class.isAssignableFrom(type)
                        || java.sql.Statement.class.isAssignableFrom(type) || java.sql.ResultSet.class.isAssignableFrom(type)
                        || javax.sql.DataSource.class.isAssignableFrom(type);
            }
        };
    }

    /** A hash that is equal for two statements issued from the same application stack. */
    public long fingerprint() {
        return walker.walk(hashFrames);
    }

    /**
     * As {@link #fingerprint()}, for a statement of a task handed from another thread: only the
     * task's own frames, above the frame that runs it, so that a task run by a pool's thread and the
     * same task run by the submitting thread itself (a caller-runs pool, a fork/join join) are one
     * call site; the submitting frames are joined to it by {@link Submission}.
     */
    public long taskFingerprint() {
        return walker.walk(hashTaskFrames);
    }

    private long fingerprint(Stream<StackFrame> frames, boolean task) {
        boolean preferPackages = filter.hasPreferredPackages();
        Site preferred = preferPackages ? new Site() : null;
        Site application = new Site();
        long infrastructure = 0;
        int infrastructureCount = 0;
        Limit limit = new Limit(preferPackages);
        for (java.util.Iterator<StackFrame> it = frames.iterator(); it.hasNext(); ) {
            StackFrame frame = it.next();
            FrameFilter.Kind kind = filter.kind(frame);
            if (limit.reached(kind) || task && runsTasks(frame)) {
                break;
            }
            if (kind == FrameFilter.Kind.PLUMBING) {
                continue;
            }
            if (kind == FrameFilter.Kind.INFRASTRUCTURE) {
                if (infrastructureCount < SITE_FRAMES * 3 && application.count == 0) {
                    infrastructure = mix(infrastructure, frameHash(frame));
                    infrastructureCount++;
                }
                continue;
            }
            long method = methodHash(frame);
            long position = method * 31 + frame.getByteCodeIndex();
            if (kind == FrameFilter.Kind.PREFERRED) {
                preferred.add(method, position);
            }
            application.add(method, position);
            if ((preferPackages ? preferred : application).full()) {
                break;
            }
        }
        if (preferred != null && preferred.count > 0) {
            return preferred.hash;
        }
        return application.count > 0 ? application.hash : infrastructure;
    }

    /**
     * The application frames of one walk, hashed innermost first. A method met again higher up the
     * stack is a recursion (a tree loaded node by node): the frames between its two calls are taken
     * out, so that the same line reached at depth 1, 2 or 3 is one call site.
     */
    private static final class Site {
        final long[] methods = new long[SITE_FRAMES];
        final long[] hashes = new long[SITE_FRAMES];
        int count;
        long hash;

        void add(long method, long position) {
            for (int i = 0; i < count; i++) {
                if (methods[i] == method) {
                    count = i + 1;
                    hash = hashes[i];
                    return;
                }
            }
            if (count < SITE_FRAMES) {
                hash = mix(hash, position);
                methods[count] = method;
                hashes[count] = hash;
                count++;
            }
        }

        boolean full() {
            return count == SITE_FRAMES;
        }
    }

    /**
     * The readable stack for a call site, innermost first: the preferred frames when the user named
     * packages and any are on the stack, else application frames, else (when the statement came from
     * framework code alone) the framework frames from the one that called into the data access (the
     * ORM, the pool, the driver) outwards. Cached per fingerprint.
     */
    public CallStack stack(long fingerprint) {
        return stack(fingerprint, false);
    }

    /** As {@link #stack(long)}, for a fingerprint of {@link #taskFingerprint()}: the task's own frames. */
    public CallStack taskStack(long fingerprint) {
        return stack(fingerprint, true);
    }

    private CallStack stack(long fingerprint, boolean task) {
        CallStack stack = stacks.get(fingerprint);
        if (stack == null) {
            stack = walker.walk(task ? collectTaskFrames : collectFrames);
            if (stacks.size() >= STACK_CACHE) {
                stacks.clear();
            }
            stacks.put(fingerprint, stack);
        }
        return stack;
    }

    private CallStack collect(Stream<StackFrame> frames, boolean task) {
        List<String> preferred = new ArrayList<>();
        List<String> application = new ArrayList<>();
        List<String> infrastructure = new ArrayList<>();
        List<String> belowCaller = new ArrayList<>();
        Limit limit = new Limit(filter.hasPreferredPackages());
        for (java.util.Iterator<StackFrame> it = frames.iterator(); it.hasNext(); ) {
            StackFrame frame = it.next();
            FrameFilter.Kind kind = filter.kind(frame);
            if (limit.reached(kind) || task && runsTasks(frame)) {
                break;
            }
            switch (kind) {
                case PREFERRED:
                    if (!isBridge(frame)) {
                        add(preferred, frame);
                        add(application, frame);
                    }
                    break;
                case APPLICATION:
                    if (!isBridge(frame)) {
                        add(application, frame);
                    }
                    break;
                case INFRASTRUCTURE:
                    // With no application frame, the code that called into the data access tells
                    // most: a serializer or a template iterating a lazy collection, not the pool.
                    if (application.isEmpty()) {
                        add(infrastructure.isEmpty() && dataAccess.get(frame.getDeclaringClass()) ? belowCaller : infrastructure, frame);
                    }
                    break;
                default:
                    break;
            }
        }
        if (!preferred.isEmpty()) {
            return new CallStack(preferred, true);
        }
        if (!application.isEmpty()) {
            return new CallStack(application, true);
        }
        return new CallStack(infrastructure.isEmpty() ? belowCaller : infrastructure, false);
    }

    /**
     * Where a walk may stop, the same for the fingerprint and the readable stack: at
     * {@link #MAX_DEPTH}, or {@link #FRAMEWORK_GAP} framework frames below the last application
     * frame. Before the first application frame nothing stops it: that frame is the location,
     * however deep it lies.
     */
    private static final class Limit {
        private final boolean preferPackages;
        private int depth;
        private int wanted;
        private int sinceWanted;

        Limit(boolean preferPackages) {
            this.preferPackages = preferPackages;
        }

        boolean reached(FrameFilter.Kind kind) {
            if (++depth > MAX_DEPTH) {
                return true;
            }
            if (preferPackages ? kind == FrameFilter.Kind.PREFERRED : kind.compareTo(FrameFilter.Kind.APPLICATION) >= 0) {
                wanted++;
                sinceWanted = 0;
                return false;
            }
            return wanted > 0 && ++sinceWanted > FRAMEWORK_GAP;
        }
    }

    /**
     * Whether a frame runs a task handed from another thread: the agent's task wrappers, or a
     * fork/join task's execution. Below it lie the frames of whichever thread happens to run it.
     */
    private static boolean runsTasks(StackFrame frame) {
        return TASK_RUNNERS.get(frame.getDeclaringClass())
                && (frame.getDeclaringClass() != java.util.concurrent.ForkJoinTask.class || frame.getMethodName().equals("doExec"));
    }

    private static final ClassValue<Boolean> TASK_RUNNERS = new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type == java.util.concurrent.ForkJoinTask.class
                    || type.getClassLoader() == null && type.getName().startsWith("dev.nplusone.bridge.Task");
        }
    };

    /**
     * Whether a frame is a bridge method the compiler generated (a {@code Formatter<T>}'s
     * {@code print(Object)} calling {@code print(T)}): it shows the class's declaration line, and the
     * real method is the frame above it. Read once per class, for readable stacks only.
     */
    private static boolean isBridge(StackFrame frame) {
        Set<String> bridges = BRIDGES.get(frame.getDeclaringClass());
        return !bridges.isEmpty() && bridges.contains(frame.getMethodName() + frame.getDescriptor());
    }

    private static final ClassValue<Set<String>> BRIDGES = new ClassValue<Set<String>>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> bridges = new java.util.HashSet<>();
            try {
                for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
                    if (m.isBridge()) {
                        bridges.add(m.getName() + java.lang.invoke.MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                                .toMethodDescriptorString());
                    }
                }
            } catch (LinkageError | SecurityException unreadable) {
                return Set.of();
            }
            return bridges.isEmpty() ? Set.of() : Set.copyOf(bridges);
        }
    };

    private static void add(List<String> list, StackFrame frame) {
        if (list.size() < STACK_FRAMES) {
            list.add(format(frame));
        }
    }

    /** {@code com.acme.Mapper.toDto(Mapper.java:42)}, without the module and loader prefixes of StackTraceElement. */
    static String format(StackFrame frame) {
        String file = frame.getFileName();
        int line = frame.getLineNumber();
        String where = file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file;
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    // Framework frames: class and bytecode index only. Resolving a frame's method name costs a
    // call into the VM, and below the application frames position alone is enough.
    private static long frameHash(StackFrame frame) {
        return System.identityHashCode(frame.getDeclaringClass()) * 65_599L + frame.getByteCodeIndex();
    }

    // Application frames also need the method: two short methods of one class calling the same
    // helper (find(1) in one, find(2) in another) do so at the same bytecode index.
    private static long methodHash(StackFrame frame) {
        return System.identityHashCode(frame.getDeclaringClass()) * 65_599L + frame.getMethodName().hashCode();
    }

    private static long mix(long hash, long value) {
        long h = (hash ^ value) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
