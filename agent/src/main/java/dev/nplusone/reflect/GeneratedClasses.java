package dev.nplusone.reflect;

/**
 * Classes that frameworks generate at run time (Spring's CGLIB subclasses, Hibernate and Byte Buddy
 * proxies, JDK proxies), told by the marks their generators put in the names, and the name of the
 * user's class behind them.
 */
public final class GeneratedClasses {

    private GeneratedClasses() {
    }

    public static boolean isGenerated(Class<?> type) {
        String name = type.getName();
        return type.isSynthetic() || name.contains("$$") || name.contains("$HibernateProxy")
                || name.contains("$ByteBuddy$") || name.startsWith("com.sun.proxy.") || name.contains(".$Proxy");
    }

    /** {@code Event} for {@code Event$HibernateProxy$x1} or {@code Event$$SpringCGLIB$$0}. */
    public static String userName(String name) {
        int generated = name.indexOf("$$");
        if (generated < 0) {
            generated = name.indexOf("$HibernateProxy");
        }
        return generated > 0 ? name.substring(0, generated) : name;
    }
}
