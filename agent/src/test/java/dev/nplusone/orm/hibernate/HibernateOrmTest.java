package dev.nplusone.orm.hibernate;

import dev.nplusone.orm.Association;
import dev.nplusone.it.apps.orm.Event;
import dev.nplusone.it.apps.orm.OrmApp;
import dev.nplusone.it.apps.orm.Talk;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Associations named from what the advice marks, a Hibernate 7 collection or proxy initializer,
 * without the agent: the test hands them over itself.
 */
class HibernateOrmTest {

    private static final String PKG = "dev.nplusone.it.apps.orm.";

    // Hibernate's start-up messages stay out of the build's output (held: the JDK keeps loggers weakly).
    private static final java.util.logging.Logger HIBERNATE_LOG = java.util.logging.Logger.getLogger("org.hibernate");

    static {
        System.setProperty("org.jboss.logging.provider", "jdk");
        HIBERNATE_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private static SessionFactory factory;
    private final HibernateOrm associations = new HibernateOrm();
    private Session session;
    private Event event;

    @BeforeAll
    static void database() {
        factory = OrmApp.sessionFactory("jdbc:h2:mem:associations;DB_CLOSE_DELAY=-1");
        OrmApp.insertData(factory);
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @BeforeEach
    void loadAnEvent() {
        session = factory.openSession();
        event = OrmApp.events(session).get(0);
    }

    @AfterEach
    void closeSession() {
        session.close();
    }

    private Association describe(Object lazyLoad) {
        return associations.describe(lazyLoad, null, null);
    }

    private static Object initializer(Object proxy) {
        return ((HibernateProxy) proxy).getHibernateLazyInitializer();
    }

    @Test
    void aCollectionIsNamedByItsRoleWithItsMapping() {
        Association attendees = describe(event.getAttendees());
        assertEquals(PKG + "Event.attendees", attendees.name());
        assertEquals(Association.Kind.MANY_TO_MANY, attendees.kind());
        assertTrue(attendees.loads(PKG + "Attendee"));

        assertEquals(Association.Kind.ONE_TO_MANY, describe(event.getTalks()).kind());
        Association tags = describe(event.getTags());
        assertEquals(PKG + "Event.tags", tags.name());
        assertEquals(Association.Kind.ELEMENT_COLLECTION, tags.kind());
        assertEquals("java.lang.String", tags.target());
    }

    @Test
    void aProxyHeldByOneAssociationOnlyIsNamedByIt() {
        Association venue = describe(initializer(event.getVenue()));
        assertEquals(PKG + "Event.venue", venue.name());
        assertEquals(Association.Kind.MANY_TO_ONE, venue.kind());
        assertEquals(PKG + "Event", venue.owner());
    }

    @Test
    void aProxyThatSeveralAssociationsCouldHoldNamesThemAll() {
        Talk talk = event.getTalks().get(0);
        Association speaker = describe(initializer(talk.getSpeaker()));
        assertNull(speaker.owner());
        assertEquals(PKG + "Event.organizer or " + PKG + "Talk.speaker", speaker.name());
        assertEquals(Association.Kind.MANY_TO_ONE, speaker.kind());
    }

    @Test
    void theObjectAndPropertyBeingWrittenTellWhichHoldsIt() {
        Talk talk = event.getTalks().get(0);
        Association speaker = associations.describe(initializer(talk.getSpeaker()), talk, "speaker");
        assertEquals(PKG + "Talk.speaker", speaker.name());
        Association byHolderAlone = associations.describe(initializer(talk.getSpeaker()), talk, "presenter");
        assertEquals(PKG + "Talk.speaker", byHolderAlone.name(), "a JSON name of its own: the holder has one such association");
    }

    @Test
    void aProxyIsRecognizedAsTheOneItsInitializerLoads() {
        Object venue = event.getVenue();
        assertTrue(associations.isProxyOf(venue, initializer(venue)));
        assertFalse(associations.isProxyOf(venue, initializer(event.getOrganizer())));
        assertFalse(associations.isProxyOf(event, initializer(venue)));
    }

    @Test
    void aCollectionIsStillNamedOnceItsSessionIsClosed() {
        List<?> attendees = event.getAttendees();
        describe(event.getTalks()); // the mapping is read while the session is open
        session.close();
        assertEquals(PKG + "Event.attendees", describe(attendees).name());
    }

    @Test
    void anythingElseIsNoAssociation() {
        assertNull(describe("not a lazy load"));
        assertNull(describe(null));
        assertNull(describe(event));
    }
}
