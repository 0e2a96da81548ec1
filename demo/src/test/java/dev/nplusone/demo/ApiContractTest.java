package dev.nplusone.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.demo.seed.SeedProperties;
import dev.nplusone.demo.tour.ApiClient;
import dev.nplusone.demo.tour.Endpoint;
import dev.nplusone.demo.tour.StatementCounter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every endpoint promises, over real HTTP: naive and eager answer the same JSON, which is
 * what the database holds; the eager versions run a fixed number of statements; the naive ones run
 * exactly the 1 + N + ... that their lazy loads add up to. Each subclass seeds a different amount of
 * data, so the fixed counts are shown fixed and the naive counts shown to grow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApiContractTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    @LocalServerPort
    private int port;

    @Autowired
    private StatementCounter counter;

    @Autowired
    private SeedProperties seed;

    @Autowired
    private JdbcTemplate jdbc;

    private ApiClient client;

    @BeforeEach
    void connect() {
        client = new ApiClient(URI.create("http://127.0.0.1:" + port + "/"), counter);
    }

    @Test
    void eventList() throws Exception {
        ApiClient.Response naive = ok("/naive/events");
        ApiClient.Response eager = ok("/eager/events");

        assertEquals(naive.body(), eager.body(), "naive and eager JSON");
        JsonNode events = JSON.readTree(eager.body());
        assertEquals(seed.events(), events.size());
        for (JsonNode event : events) {
            assertEquals(seed.attendeesPerEvent(), event.get("attendees").size());
            assertEquals(unaffiliatedOf(event.get("attendees")), event.get("unaffiliatedAttendees"));
        }

        assertEquals(2, eager.statements(), "eager: the events with their fetch joins, then all unaffiliated attendees");
        long creators = count("select count(distinct creator_id) from event");
        long organizations = count("""
                select count(distinct a.organization_id)
                from event_attendee ea join attendee a on a.id = ea.attendee_id""");
        assertEquals(1 + seed.events() + seed.events() + creators + organizations, naive.statements(),
                "naive: the events; per event its attendees and its unaffiliated attendees;"
                        + " each distinct creator and organization once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"first", "middle", "last"})
    void oneEvent(String which) throws Exception {
        long id = switch (which) {
            case "first" -> 1;
            case "middle" -> seed.events() / 2 + 1;
            default -> seed.events();
        };
        ApiClient.Response naive = ok("/naive/events/" + id);
        ApiClient.Response eager = ok("/eager/events/" + id);

        assertEquals(naive.body(), eager.body(), "naive and eager JSON");
        JsonNode event = JSON.readTree(eager.body());
        assertEquals(id, event.get("id").asLong());
        assertEquals(jdbc.queryForObject("""
                select u.name from event e join app_user u on u.id = e.creator_id where e.id = ?""", String.class, id),
                event.get("creator").asString());
        assertEquals(attendeesInDatabase(id), JSON.convertValue(event.get("attendees"), List.class));

        assertEquals(2, eager.statements(), "eager: the event with its fetch joins, then its unaffiliated attendees");
        long organizations = count("""
                select count(distinct a.organization_id)
                from event_attendee ea join attendee a on a.id = ea.attendee_id
                where ea.event_id = ?""", id);
        assertEquals(4 + organizations, naive.statements(),
                "naive: the event, its creator, its attendees, each of their organizations, its unaffiliated attendees");
    }

    @Test
    void organizations() throws Exception {
        ApiClient.Response naive = ok("/naive/organizations");
        ApiClient.Response eager = ok("/eager/organizations");

        assertEquals(naive.body(), eager.body(), "naive and eager JSON");
        JsonNode organizations = JSON.readTree(eager.body());
        assertEquals(seed.organizations(), organizations.size());
        JsonNode first = organizations.get(0);
        assertEquals(jdbc.queryForList("""
                select distinct ea.event_id from event_attendee ea join attendee a on a.id = ea.attendee_id
                where a.organization_id = ? order by ea.event_id""", Long.class, first.get("id").asLong()),
                first.get("events").valueStream().map(event -> event.get("id").asLong()).toList());

        assertEquals(1, eager.statements(), "eager: the organizations with their attendees and those attendees' events");
        long affiliated = count("select count(*) from attendee where organization_id is not null");
        assertEquals(1 + seed.organizations() + affiliated, naive.statements(),
                "naive: the organizations; per organization its attendees; per such attendee their events");
    }

    /** The template reads each event's creator and attendees: same HTML, from one select or from 1 + N + creators. */
    @Test
    void eventPage() throws Exception {
        ApiClient.Response naive = ok("/naive/pages/events");
        ApiClient.Response eager = ok("/eager/pages/events");

        assertEquals(naive.body(), eager.body(), "naive and eager HTML");
        assertEquals(seed.events(), eager.body().split("<tr>", -1).length - 2, "a row per event, after the header row");
        String firstCreator = jdbc.queryForObject(
                "select u.name from event e join app_user u on u.id = e.creator_id where e.id = 1", String.class);
        assertTrue(eager.body().contains("<td>" + firstCreator + "</td>\n      <td>" + seed.attendeesPerEvent() + "</td>"),
                "the first event's creator and attendee count");

        assertEquals(1, eager.statements(), "eager: the events with their fetch joins");
        long creators = count("select count(distinct creator_id) from event");
        assertEquals(1 + seed.events() + creators, naive.statements(),
                "naive: the events; per event its attendees; each distinct creator once");
    }

    /** @SchemaMapping runs a select per event, @BatchMapping one for all: the same GraphQL response. */
    @Test
    void graphQl() throws Exception {
        ApiClient.Response naive = ok("POST", "/naive/graphql", Endpoint.GRAPHQL_QUERY);
        ApiClient.Response eager = ok("POST", "/eager/graphql", Endpoint.GRAPHQL_QUERY);

        assertEquals(naive.body(), eager.body(), "naive and eager GraphQL responses");
        JsonNode events = JSON.readTree(eager.body()).get("data").get("events");
        assertEquals(seed.events(), events.size());
        assertEquals(attendeesInDatabase(1), graphQlAttendees(events.get(0).get("attendees")));

        assertEquals(2, eager.statements(), "eager: the events, then the attendees of all of them");
        assertEquals(1 + seed.events(), naive.statements(), "naive: the events; per event its attendees");
    }

    /** In parallel or not, the naive fan-out runs a select per event; the eager version one. */
    @Test
    void fanOut() throws Exception {
        ApiClient.Response naive = ok("/naive/fan-out/events");
        ApiClient.Response eager = ok("/eager/fan-out/events");

        assertEquals(naive.body(), eager.body(), "naive and eager JSON");
        JsonNode events = JSON.readTree(eager.body());
        assertEquals(seed.events(), events.size());
        assertEquals(attendeesInDatabase(seed.events()), JSON.convertValue(events.get(seed.events() - 1).get("attendees"), List.class));

        assertEquals(1, eager.statements(), "eager: the events with their attendees and organizations");
        assertEquals(1 + seed.events(), naive.statements(), "naive: the events; per event, on another thread, its attendees");
    }

    /** Both write the same rows and answer the same JSON: an INSERT per attendee, or one batch of them. */
    @ParameterizedTest
    @ValueSource(strings = {"/naive", "/eager"})
    void checkIns(String version) throws Exception {
        long id = seed.events() / 2 + 1;
        jdbc.update("delete from check_in");
        ApiClient.Response first = ok("POST", version + "/events/" + id + "/check-ins", null);
        ApiClient.Response again = ok("POST", version + "/events/" + id + "/check-ins", null);

        assertEquals(first.body(), again.body(), "checking in again gives the same check-ins");
        List<Long> attendees = jdbc.queryForList(
                "select attendee_id from event_attendee where event_id = ? order by attendee_id", Long.class, id);
        assertEquals(id, JSON.readTree(again.body()).get("event").asLong());
        assertEquals(attendees, JSON.convertValue(JSON.readTree(again.body()).get("attendees"), List.class).stream()
                .map(value -> ((Number) value).longValue()).toList());
        assertEquals(attendees, jdbc.queryForList(
                "select attendee_id from check_in where event_id = ? order by attendee_id", Long.class, id));
        assertEquals(0, count("select count(*) from check_in where event_id <> ?", id), "only this event's rows");

        long expected = version.equals("/naive")
                ? 3 + seed.attendeesPerEvent() // the attendee ids, the delete, an INSERT per attendee, the read back
                : 4;                           // the same, the INSERTs in one batch
        assertEquals(expected, again.statements(), version + " statements");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/naive/events/", "/eager/events/"})
    void unknownEventIsA404ProblemDetail(String prefix) throws Exception {
        long id = seed.events() + 1;
        ApiClient.Response response = client.get(prefix + id);

        assertEquals(404, response.status());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals("No event with id " + id, problem.get("detail").asString());
        assertEquals(prefix + id, problem.get("instance").asString());
    }

    @Test
    void indexPageLinksEveryEndpoint() throws Exception {
        ApiClient.Response index = ok("/");

        for (Endpoint endpoint : Endpoint.ALL) {
            for (String path : List.of(endpoint.naivePath(), endpoint.eagerPath())) {
                String mention = endpoint.method().equals("GET") ? "<a href=\"" + path + "\">" : "<code>POST " + path + "</code>";
                assertTrue(index.body().contains(mention), () -> "the index page has " + mention);
            }
        }
    }

    private ApiClient.Response ok(String path) throws Exception {
        return ok("GET", path, null);
    }

    private ApiClient.Response ok(String method, String path, String body) throws Exception {
        ApiClient.Response response = client.send(method, path, body);
        assertEquals(200, response.status(), () -> method + " " + path + ": " + response.body());
        return response;
    }

    /** GraphQL's IDs are strings: the attendees as {@link #attendeesInDatabase} shows them. */
    private static List<Map<String, Object>> graphQlAttendees(JsonNode attendees) {
        return attendees.valueStream().map(attendee -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", Integer.parseInt(attendee.get("id").asString()));
            map.put("name", attendee.get("name").asString());
            map.put("organization", attendee.get("organization").isNull() ? null : attendee.get("organization").asString());
            return map;
        }).toList();
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    /** The event's attendees as the API should show them, straight from the tables. */
    private List<Map<String, Object>> attendeesInDatabase(long eventId) {
        return jdbc.query("""
                select a.id, a.name, o.name as organization
                from event_attendee ea
                join attendee a on a.id = ea.attendee_id
                left join organization o on o.id = a.organization_id
                where ea.event_id = ? order by a.id""",
                (row, number) -> {
                    Map<String, Object> attendee = new LinkedHashMap<>();
                    attendee.put("id", row.getInt("id"));
                    attendee.put("name", row.getString("name"));
                    attendee.put("organization", row.getString("organization"));
                    return attendee;
                },
                eventId);
    }

    private static JsonNode unaffiliatedOf(JsonNode attendees) {
        return JSON.valueToTree(attendees.valueStream().filter(attendee -> attendee.get("organization").isNull()).toList());
    }
}
