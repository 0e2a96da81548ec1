package dev.nplusone.demo;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {
    "demo.seed.users=5",
    "demo.seed.organizations=4",
    "demo.seed.attendees=40",
    "demo.seed.events=12",
    "demo.seed.attendees-per-event=6"
})
class SmallDataApiTest extends ApiContractTest {
}
