package dev.nplusone.demo;

import org.springframework.test.context.TestPropertySource;

/** Four times {@link SmallDataApiTest}'s data, with as many attendees per event. */
@TestPropertySource(properties = {
    "demo.seed.users=20",
    "demo.seed.organizations=16",
    "demo.seed.attendees=160",
    "demo.seed.events=48",
    "demo.seed.attendees-per-event=6"
})
class LargerDataApiTest extends ApiContractTest {
}
